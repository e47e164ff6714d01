import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";

export const readingModeKey = new PluginKey<{ editing: boolean }>("readingMode");

function isEditing(state: EditorState): boolean {
  return readingModeKey.getState(state)?.editing ?? false;
}

/** Keys that would change the text; navigation and selection keys still work while reading. */
const CHANGING_KEYS = new Set(["Backspace", "Delete", "Enter"]);

/**
 * Keeps the text unchanged while reading: the one home of the reading-only policy. The editor itself
 * stays editable so readers get a caret and can select with the keyboard (Shift+arrows), but typed,
 * pasted or dropped text and the keys that would change the text are taken and ignored, and any
 * transaction that would change the document is dropped, until editing is switched on with
 * `tr.setMeta(readingModeKey, { editing: true })` (the section editor does).
 */
export function createReadingModePlugin() {
  return new Plugin<{ editing: boolean }>({
    key: readingModeKey,
    state: {
      init: () => ({ editing: false }),
      apply: (tr, value) => (tr.getMeta(readingModeKey) as { editing: boolean } | undefined) ?? value,
    },
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta(readingModeKey)) return true;
      return isEditing(state);
    },
    props: {
      handleTextInput: (view) => !isEditing(view.state),
      handlePaste: (view) => !isEditing(view.state),
      handleDrop: (view) => !isEditing(view.state),
      handleKeyDown: (view, event) => !isEditing(view.state) && CHANGING_KEYS.has(event.key),
    },
  });
}
