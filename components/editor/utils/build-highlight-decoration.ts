import { Decoration } from "@tiptap/pm/view";
import { kindSlug, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

export interface Highlight {
  id: string;
  from: number;
  to: number;
  kind: AnnotationKind;
  /** Who says what about the passage: "Claim: disputed, by Anna". */
  label: string;
  /** The passage's words: its accessible name starts with them, so a screen reader (and voice control) names it by what is seen. */
  text?: string;
}

/** A highlight's accessible name: its visible text, then its kind and the rest of its label. */
export function highlightName(highlight: Pick<Highlight, "label" | "text">): string {
  return highlight.text ? `${highlight.text.replace(/\s+/g, " ").trim()} (${highlight.label})` : highlight.label;
}

/** A highlight's classes, coloured by kind: the editor's decorations and the server-drawn opening share them. */
export function highlightClassName(kind: Highlight["kind"]): string {
  return `hl hl--${kindSlug(kind)}`;
}

/**
 * One annotation's inline decoration: coloured by kind (CSS), focusable, named for screen
 * readers by its words and kind. `nodeName` gives every decoration its own element: without it
 * ProseMirror merges overlapping decorations into one span (the last id wins), with it they nest,
 * so each overlap keeps both ids and its tints layer visibly. Nested, they must not be buttons
 * (a button's content is presentational: a focusable highlight inside one is lost to assistive
 * technology), so a highlight is a link to its annotation.
 */
export function buildHighlightDecoration(highlight: Highlight, focused: boolean): Decoration {
  return Decoration.inline(
    highlight.from,
    highlight.to,
    {
      nodeName: "span",
      class: `${highlightClassName(highlight.kind)}${focused ? " hl--focused" : ""}`,
      "data-annotation-id": highlight.id,
      tabindex: "0",
      role: "link",
      "aria-label": highlightName(highlight),
    },
    { id: highlight.id, highlight },
  );
}
