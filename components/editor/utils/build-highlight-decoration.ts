import { Decoration } from "@tiptap/pm/view";
import { kindSlug, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

export interface Highlight {
  id: string;
  from: number;
  to: number;
  kind: AnnotationKind;
  label: string;
}

/** A highlight's classes, coloured by kind: the editor's decorations and the server-drawn opening share them. */
export function highlightClassName(kind: Highlight["kind"]): string {
  return `hl hl--${kindSlug(kind)}`;
}

/**
 * One annotation's inline decoration: coloured by kind (CSS), focusable, labelled for screen
 * readers. `nodeName` gives every decoration its own element: without it ProseMirror merges
 * overlapping decorations into one span (the last id wins), with it they nest, so each overlap
 * keeps both ids and its tints layer visibly.
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
      role: "button",
      "aria-label": highlight.label,
    },
    { id: highlight.id, highlight },
  );
}
