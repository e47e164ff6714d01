import { Plugin, PluginKey } from "@tiptap/pm/state";

export const readingModeKey = new PluginKey<{ editing: boolean }>("readingMode");

/**
 * Keeps the text unchanged while reading. The editor itself stays editable so readers get a caret
 * and can select with the keyboard (Shift+arrows), but transactions that would change the document
 * are dropped until editing is switched on with `tr.setMeta(readingModeKey, { editing: true })`.
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
      return readingModeKey.getState(state)?.editing ?? false;
    },
  });
}
