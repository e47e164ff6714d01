import { Extension } from "@tiptap/core";
import { createReadingWindowPlugin, READING_WINDOW_DEFAULTS, type ReadingWindowOptions } from "../plugins/reading-window-plugin";

/** Builds editor DOM only for the blocks near the viewport (see reading-window-plugin.ts). */
export const ReadingWindow = Extension.create<ReadingWindowOptions>({
  name: "readingWindow",
  addOptions: () => READING_WINDOW_DEFAULTS,
  addProseMirrorPlugins() {
    return [createReadingWindowPlugin(this.options)];
  },
});
