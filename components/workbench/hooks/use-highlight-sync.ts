import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef } from "react";
import { annotationHighlightsKey, highlightRange, type HighlightAction } from "@/components/editor/plugins/annotation-highlights-plugin";
import { revealInWindow } from "@/components/editor/plugins/reading-window-plugin";
import type { Highlight } from "@/components/editor/utils/build-highlight-decoration";
import { diffHighlights } from "./diff-highlights";
import { WORKBENCH_MARKS } from "./workbench-marks";

/**
 * Keeps the editor's highlights in step with the visible annotations (the editor starts with those
 * of the first render, see useReadingEditor) and with the selected one; scrolls to an annotation.
 */
export function useHighlightSync<T extends { id: string }>({
  editor,
  visible,
  toHighlight,
  selectedId,
  initialSelectedId,
}: {
  editor: Editor | null;
  visible: readonly T[];
  toHighlight: (item: T) => Highlight;
  selectedId: string | null;
  /** A link from elsewhere (?annotation=…) opens on its annotation. */
  initialSelectedId: string | null;
}) {
  const dispatchHighlights = useCallback(
    (action: HighlightAction) => {
      if (!editor || editor.isDestroyed) return;
      editor.view.dispatch(editor.state.tr.setMeta(annotationHighlightsKey, action));
    },
    [editor],
  );

  // What the editor draws, by id; at first what it was built with.
  const drawn = useRef<ReadonlyMap<string, T> | null>(null);
  drawn.current ??= new Map(visible.map((item) => [item.id, item]));
  const highlightsShown = useRef(false);
  useEffect(() => {
    if (!editor) return;
    if (!highlightsShown.current) {
      highlightsShown.current = true;
      performance.mark(WORKBENCH_MARKS.highlightsDrawn);
    }
    const diff = diffHighlights(drawn.current ?? new Map<string, T>(), visible, toHighlight);
    for (const action of diff.actions) dispatchHighlights(action);
    drawn.current = diff.drawn;
  }, [editor, visible, toHighlight, dispatchHighlights]);

  useEffect(() => {
    dispatchHighlights({ type: "focus", id: selectedId });
  }, [selectedId, dispatchHighlights, visible]);

  const scrollToAnnotation = useCallback(
    (id: string) => {
      if (!editor) return;
      const range = highlightRange(editor.state, id);
      if (!range) return;
      // In a long text the highlight's block may be a placeholder of the windowed reader: build it.
      revealInWindow(editor.view, range.from);
      const { node } = editor.view.domAtPos(range.from + 1);
      const element = node instanceof HTMLElement ? node : node.parentElement;
      const target = element?.closest("[data-annotation-id]");
      target?.scrollIntoView({ block: "center" });
      // Blocks laid out on arrival (content-visibility) may change height and move the highlight:
      // look again once they have been drawn.
      if (target) requestAnimationFrame(() => settleInView(target));
      (element?.closest(`[data-annotation-id="${id}"]`) as HTMLElement | null)?.focus({ preventScroll: true });
    },
    [editor],
  );

  const scrolledToInitial = useRef(false);
  useEffect(() => {
    if (!editor || !initialSelectedId || scrolledToInitial.current) return;
    scrolledToInitial.current = true;
    requestAnimationFrame(() => scrollToAnnotation(initialSelectedId));
  }, [editor, initialSelectedId, scrollToAnnotation]);

  return { scrollToAnnotation };
}

/** Scrolls `element` to the middle of the window if the last scroll left it outside. */
function settleInView(element: Element) {
  const box = element.getBoundingClientRect();
  if (element.isConnected && (box.top < 0 || box.bottom > window.innerHeight)) element.scrollIntoView({ block: "center" });
}
