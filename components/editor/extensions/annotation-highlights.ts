import { Extension } from "@tiptap/core";
import { createAnnotationHighlightsPlugin } from "../plugins/annotation-highlights-plugin";
import type { Highlight } from "../utils/build-highlight-decoration";

export const AnnotationHighlights = Extension.create<{ initial: readonly Highlight[] }>({
  name: "annotationHighlights",
  addOptions: () => ({ initial: [] }),
  addProseMirrorPlugins() {
    return [createAnnotationHighlightsPlugin(this.options.initial)];
  },
});
