import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";
import { buildHighlightDecoration, type Highlight } from "../utils/build-highlight-decoration";
import { confineMappedHighlights } from "../utils/confine-mapped-highlights";

export type HighlightAction =
  | { type: "set"; highlights: Highlight[] }
  | { type: "add"; highlight: Highlight }
  | { type: "remove"; id: string }
  | { type: "focus"; id: string | null };

interface HighlightState {
  decorations: DecorationSet;
  focusedId: string | null;
}

export const annotationHighlightsKey = new PluginKey<HighlightState>("annotationHighlights");

function withFocus(highlight: Highlight, focusedId: string | null) {
  return buildHighlightDecoration(highlight, highlight.id === focusedId);
}

/**
 * Annotations as decorations held in plugin state (ProseMirror's collab comment example): they
 * overlap freely, leave the source's text untouched, and follow edits by mapping. The set is built
 * in full only at creation (from `initial`) and on "set"; every other change adds or removes single
 * decorations, and a document change maps the set through the transaction instead of rebuilding it
 * (then confines the few highlights the edit reached inside, as the server's re-anchoring does:
 * confineMappedHighlights).
 */
export function createAnnotationHighlightsPlugin(initial: readonly Highlight[] = []) {
  return new Plugin<HighlightState>({
    key: annotationHighlightsKey,
    state: {
      // Highlights known when the editor is created are drawn with the text, in one pass.
      init: (_config, state) => ({ decorations: initial.length > 0 ? DecorationSet.create(state.doc, initial.map((h) => withFocus(h, null))) : DecorationSet.empty, focusedId: null }),
      apply(tr: Transaction, state: HighlightState, _old: EditorState, newState: EditorState): HighlightState {
        let { decorations, focusedId } = state;
        if (tr.docChanged) decorations = confineMappedHighlights(state.decorations, decorations.map(tr.mapping, tr.doc), tr, focusedId);
        const action = tr.getMeta(annotationHighlightsKey) as HighlightAction | undefined;
        if (!action) return decorations === state.decorations ? state : { decorations, focusedId };
        const doc = newState.doc;
        switch (action.type) {
          case "set":
            return { decorations: DecorationSet.create(doc, action.highlights.map((h) => withFocus(h, focusedId))), focusedId };
          case "add": {
            const existing = decorations.find(undefined, undefined, (spec) => spec.id === action.highlight.id);
            return { decorations: decorations.remove(existing).add(doc, [withFocus(action.highlight, focusedId)]), focusedId };
          }
          case "remove":
            return { decorations: decorations.remove(decorations.find(undefined, undefined, (spec) => spec.id === action.id)), focusedId };
          case "focus": {
            // Re-draw only the previously and newly focused annotations.
            const ids = new Set([focusedId, action.id].filter((id): id is string => id !== null));
            const touched = decorations.find(undefined, undefined, (spec) => ids.has(spec.id as string));
            focusedId = action.id;
            const redrawn = touched.map((d) => withFocus({ ...(d.spec.highlight as Highlight), from: d.from, to: d.to }, focusedId));
            return { decorations: decorations.remove(touched).add(doc, redrawn), focusedId };
          }
        }
      },
    },
    props: {
      decorations: (state) => annotationHighlightsKey.getState(state)?.decorations,
    },
  });
}

/** The ids of the annotations covering a position, innermost (shortest) first. */
export function highlightsAt(state: EditorState, pos: number): string[] {
  const decorations = annotationHighlightsKey.getState(state)?.decorations;
  if (!decorations) return [];
  return decorations
    .find(pos, pos)
    .filter((d) => d.from <= pos && pos < d.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .map((d) => d.spec.id as string);
}

/** Where an annotation's decoration is now (after any edits), if it is drawn. */
export function highlightRange(state: EditorState, id: string): { from: number; to: number } | null {
  const found = annotationHighlightsKey.getState(state)?.decorations.find(undefined, undefined, (spec) => spec.id === id)[0];
  return found ? { from: found.from, to: found.to } : null;
}
