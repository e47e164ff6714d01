import type { HighlightAction } from "@/components/editor/plugins/annotation-highlights-plugin";
import type { Highlight } from "@/components/editor/utils/build-highlight-decoration";

/** Above this many changes one full rebuild is cheaper than single additions and removals. */
export const FULL_REDRAW_ABOVE = 50;

/**
 * What to tell the highlights plugin so it draws `visible`, when it draws `drawn` now. Annotations
 * are replaced, never changed, when edited, so identity says what changed: adding one annotation
 * to thousands redraws one. Returns the actions and the new `drawn`.
 */
export function diffHighlights<T extends { id: string }>(
  drawn: ReadonlyMap<string, T>,
  visible: readonly T[],
  toHighlight: (item: T) => Highlight,
  fullRedrawAbove = FULL_REDRAW_ABOVE,
): { actions: HighlightAction[]; drawn: Map<string, T> } {
  const next = new Map(visible.map((item) => [item.id, item]));
  const changed = visible.filter((item) => drawn.get(item.id) !== item);
  const removed = [...drawn.keys()].filter((id) => !next.has(id));
  if (changed.length + removed.length > fullRedrawAbove) return { actions: [{ type: "set", highlights: visible.map(toHighlight) }], drawn: next };
  const actions: HighlightAction[] = [
    ...removed.map((id): HighlightAction => ({ type: "remove", id })),
    ...changed.map((item): HighlightAction => ({ type: "add", highlight: toHighlight(item) })),
  ];
  return { actions, drawn: next };
}
