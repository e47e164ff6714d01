import { Extension } from "@tiptap/core";
import { createReadingModePlugin } from "../plugins/reading-mode-plugin";

export const ReadingMode = Extension.create({
  name: "readingMode",
  addProseMirrorPlugins: () => [createReadingModePlugin()],
});
