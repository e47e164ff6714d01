import type { EditorView } from "@tiptap/pm/view";

/**
 * The selection the reader sees, as document positions. ProseMirror learns of a keyboard selection
 * change (Shift+→) from the browser's `selectionchange` event, which fires after the key's default
 * action: a key pressed right after it (C, B, X, T) can reach the keymap before the editor state has
 * the last character. The DOM selection is already right at that moment, so it is read here; the
 * editor's state selection is the answer when the DOM selection lies outside the text.
 */
export function selectedRange(view: EditorView): { from: number; to: number } {
  const fallback = { from: view.state.selection.from, to: view.state.selection.to };
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom || dom.rangeCount === 0 || !dom.anchorNode || !dom.focusNode) return fallback;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return fallback;
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
  } catch {
    // A node ProseMirror does not describe (a widget, a window's placeholder): keep the state's.
    return fallback;
  }
}
