import { anchorSelectors, type AnchorOptions } from "./anchor-selectors";
import { describeRange } from "./describe-range";
import { editWindow } from "./edit-window";
import { diffTexts } from "./map-offset-through-edit";
import { mapOffsetThroughRegion, type ChangedRegion } from "./map-offset-through-region";
import { splitsSurrogatePair } from "./splits-surrogate-pair";
import type { TextSelectors } from "./types";

export interface ReanchorResult {
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  /** Fresh selectors on the new text; absent for an orphan, which keeps its old ones. */
  selectors?: TextSelectors;
  score: number;
}

/**
 * Carries an annotation from one revision of a text to the next. Its offsets are mapped through
 * the edit; if the new text still reads the quote there, it is "exact". An insertion or deletion
 * that repeats its neighbouring text ("the the") can be placed in more than one spot; the quote is
 * exact if any of those placements leaves it untouched. Otherwise the quote is searched for around
 * the mapped offset (anchorSelectors); offsets deep inside a changed region are mapped in
 * proportion across it rather than clamped to its edge, as such a region often spans several edits.
 *
 * The search is confined to the annotation's old span together with the edited region, mapped
 * through the edit (editWindow): the span may shrink to what survives of its passage, follow text
 * typed into it, or become an orphan, but it never reaches into the words around it for a better
 * score. (Only when the stored offsets do not read the quote in the old text, so that there is no
 * old span to speak of, is the quote searched for around them unconfined.)
 */
export function reanchorAnnotation(
  oldText: string,
  newText: string,
  selectors: TextSelectors,
  edit: ReturnType<typeof diffTexts> = diffTexts(oldText, newText),
  options: Pick<AnchorOptions, "minScore" | "window"> = {},
): ReanchorResult {
  const { quote } = selectors;
  const region: ChangedRegion = { from: edit.changedFrom, to: edit.changedTo, newTo: edit.changedTo + newText.length - oldText.length };
  const start = toOffset(selectors.position.start, oldText.length);
  const end = Math.max(start, toOffset(selectors.position.end, oldText.length));
  const mappedStart = edit.mapOffset(start, 1);
  const mappedEnd = edit.mapOffset(end, -1);

  if (quote.exact) {
    const placements: [number, number][] = [[mappedStart, mappedEnd]];
    const shifted = slideLeft(oldText, newText, region, start);
    if (shifted) placements.push([mapOffsetThroughRegion(start, 1, shifted), mapOffsetThroughRegion(end, -1, shifted)]);
    for (const [from, to] of placements) {
      if (newText.slice(from, to) === quote.exact && !splitsSurrogatePair(newText, from) && !splitsSurrogatePair(newText, to)) {
        return { status: "exact", selectors: describeRange(newText, from, to), score: 1 };
      }
    }
  }

  const inside = start > region.from && start < region.to;
  const hint = inside ? region.from + Math.round(((start - region.from) * (region.newTo - region.from)) / (region.to - region.from)) : mappedStart;
  const within = oldText.slice(start, end) === quote.exact ? editWindow(start, end, region) : undefined;
  const result = anchorSelectors(newText, { position: { start: mappedStart, end: Math.max(mappedStart, mappedEnd) }, quote }, { ...options, hint, within });
  if (result.status === "orphaned") return { status: "orphaned", score: result.score };
  return { status: result.status, selectors: describeRange(newText, result.start, result.end), score: result.score };
}

function toOffset(value: number, length: number): number {
  return Number.isFinite(value) ? Math.min(length, Math.max(0, Math.round(value))) : 0;
}

/**
 * A pure insertion or deletion is found by the longest common start, so it is placed as late as
 * possible. When the text around it repeats, it could equally sit earlier: this is the placement
 * that ends at `start`, if the text allows one, else undefined.
 */
function slideLeft(oldText: string, newText: string, region: ChangedRegion, start: number): ChangedRegion | undefined {
  if (region.from !== region.to && region.from !== region.newTo) return undefined;
  const distance = region.to - start;
  if (distance <= 0 || distance > region.from) return undefined;
  for (let i = 0; i < distance; i += 1) {
    if (oldText.charCodeAt(region.to - 1 - i) !== newText.charCodeAt(region.newTo - 1 - i)) return undefined;
  }
  return { from: region.from - distance, to: region.to - distance, newTo: region.newTo - distance };
}
