import { Extension } from "@tiptap/core";
import { createAnnotationHighlightsPlugin } from "../plugins/annotation-highlights-plugin";

export const AnnotationHighlights = Extension.create({
  name: "annotationHighlights",
  addProseMirrorPlugins: () => [createAnnotationHighlightsPlugin()],
});
