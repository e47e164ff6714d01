import type { EditorProps, EditorView } from "@tiptap/pm/view";
import { useEditor, type Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { OffsetMap } from "@/lib/anchoring/prosemirror-offsets";
import { highlightsAt } from "@/components/editor/plugins/annotation-highlights-plugin";
import type { PageMarker } from "@/components/editor/plugins/page-markers-plugin";
import { createReadingExtensions } from "@/components/editor/reading-extensions";
import { buildDocumentContent } from "@/components/editor/utils/build-document-content";
import { selectedRange } from "@/components/editor/utils/dom-selection";
import type { Highlight } from "@/components/editor/utils/build-highlight-decoration";
import type { TextBlock } from "@/lib/documents/split-text-blocks";
import { useLatest } from "./use-latest";
import { WORKBENCH_MARKS } from "./workbench-marks";
import { KIND_SHORTCUT, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

/** Selected words as text offsets, with where to show the toolbar (relative to the text column). */
export interface TextSelection {
  start: number;
  end: number;
  exact: string;
  top: number;
  left: number;
}

export interface ReadingEditorOptions {
  text: string;
  blocks: TextBlock[];
  offsets: OffsetMap;
  /** The highlights drawn with the text when the editor is built (read once). */
  initialHighlights: () => Highlight[];
  pageMarkers: () => readonly PageMarker[];
  /** The column the toolbar is positioned in. */
  textColumn: RefObject<HTMLDivElement | null>;
  canAnnotate: boolean;
  /** A kind's key was pressed on selected words. */
  onAnnotate: (kind: AnnotationKind, selection: TextSelection) => void;
  /** A highlight was clicked or had Enter pressed on it. */
  onOpenHighlight: (id: string) => void;
  /** Words to select at load (a search hit, `?select=start-end`), so one key annotates them. */
  initialTextSelection: { start: number; end: number } | null;
}

/**
 * The reading view's Tiptap editor: built once (policy and keys are its extensions), with the
 * selection followed as text offsets. While the mouse drags, the selection changes on every move;
 * React state (and the toolbar) follow once the button is released, so a drag does not re-render
 * the page per mouse event.
 */
export function useReadingEditor(options: ReadingEditorOptions) {
  const { text, blocks, offsets, textColumn } = options;
  const latest = useLatest(options);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const latestSelection = useLatest(selection);
  const pointerDown = useRef(false);

  /** A selection (the editor's, unless given) as text offsets, with where to show the toolbar; null when empty. */
  const readSelection = useCallback(
    (view: EditorView, { from, to }: { from: number; to: number } = view.state.selection): TextSelection | null => {
      if (from === to) return null;
      const start = offsets.pmToText(from);
      const end = offsets.pmToText(to);
      const exact = text.slice(start, end);
      const column = textColumn.current?.getBoundingClientRect();
      if (!exact.trim() || !column) return null;
      const coords = view.coordsAtPos(to);
      return { start, end, exact, top: coords.bottom - column.top + 6, left: Math.min(Math.max(coords.left - column.left - 120, 0), column.width - 300) };
    },
    [offsets, text, textColumn],
  );
  const latestReadSelection = useLatest(readSelection);
  const updateSelection = useCallback((e: Editor) => setSelection(readSelection(e.view)), [readSelection]);
  const latestUpdateSelection = useLatest(updateSelection);

  // Built once for the editor's life: their callbacks read the latest state. (The server renders
  // no editor: it skips building the highlights.)
  const [extensions] = useState(() =>
    createReadingExtensions(typeof window === "undefined" ? [] : options.initialHighlights(), options.pageMarkers(), {
      keys: KIND_SHORTCUT,
      onAnnotate: (kind, editor) => {
        if (!latest.current.canAnnotate) return false;
        // What the reader sees selected, not the toolbar's state nor even the editor's: both may lag
        // behind a quick Shift+arrow (see selectedRange).
        const selected = latestReadSelection.current(editor.view, selectedRange(editor.view)) ?? latestSelection.current;
        if (!selected) return false;
        latest.current.onAnnotate(kind, selected);
        return true;
      },
      onOpenHighlight: (id) => latest.current.onOpenHighlight(id),
    }),
  );
  const [content] = useState(() => buildDocumentContent(blocks));
  // One object for the editor's life: useEditor re-applies options whose identity changes, which on
  // a long text is work on every render.
  const [editorProps] = useState(
    (): EditorProps => ({
      attributes: { class: "reading reading--editor", spellcheck: "false", "aria-label": "Document text", "aria-multiline": "true" },
      handleClick: (view, pos) => {
        if (!view.state.selection.empty) return false;
        const [id] = highlightsAt(view.state, pos);
        if (id) latest.current.onOpenHighlight(id);
        return false;
      },
    }),
  );

  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    onSelectionUpdate: ({ editor: e }) => {
      if (!pointerDown.current) latestUpdateSelection.current(e);
    },
    onBeforeCreate: () => performance.mark(WORKBENCH_MARKS.editorStart),
  });

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const down = () => (pointerDown.current = true);
    const up = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // After ProseMirror has applied the final selection of the drag.
      requestAnimationFrame(() => updateSelection(editor));
    };
    dom.addEventListener("mousedown", down);
    window.addEventListener("mouseup", up);
    return () => {
      dom.removeEventListener("mousedown", down);
      window.removeEventListener("mouseup", up);
    };
  }, [editor, updateSelection]);

  // A search hit (?select=start-end) opens with its words selected and in view.
  const selectedInitialText = useRef(false);
  const { initialTextSelection } = options;
  useEffect(() => {
    if (!editor || !initialTextSelection || selectedInitialText.current) return;
    selectedInitialText.current = true;
    const { start, end } = initialTextSelection;
    if (!(start >= 0 && end > start && end <= text.length)) return;
    const from = offsets.textToPm(start, "start");
    editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection({ from, to: offsets.textToPm(end, "end") }).run();
    const { node } = editor.view.domAtPos(from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: "center" });
    requestAnimationFrame(() => updateSelection(editor));
  }, [editor, initialTextSelection, offsets, text.length, updateSelection]);

  return { editor, selection, setSelection };
}

