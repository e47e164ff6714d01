import Document from "@tiptap/extension-document";
import Heading from "@tiptap/extension-heading";
import Text from "@tiptap/extension-text";
import { AnnotationHighlights } from "./extensions/annotation-highlights";
import { ReadingMode } from "./extensions/reading-mode";
import { SourceParagraph } from "./extensions/source-paragraph";

/** The reading view's extensions: the one registry of what the editor can do. */
export const readingExtensions = [
  Document,
  SourceParagraph,
  Text,
  Heading.configure({ levels: [2], HTMLAttributes: { class: "block-heading" } }),
  ReadingMode,
  AnnotationHighlights,
];
