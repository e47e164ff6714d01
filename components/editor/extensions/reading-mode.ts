import { Extension } from "@tiptap/core";
import { createReadingModePlugin } from "../plugins/reading-mode-plugin";

/** The reading-only policy (see reading-mode-plugin.ts). Runs before the default keymaps, which would otherwise act on Enter and Backspace first. */
export const ReadingMode = Extension.create({
  name: "readingMode",
  priority: 900,
  addProseMirrorPlugins: () => [createReadingModePlugin()],
});
