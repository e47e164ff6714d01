import Document from "@tiptap/extension-document";
import Heading from "@tiptap/extension-heading";
import Text from "@tiptap/extension-text";
import { AnnotationHighlights } from "./extensions/annotation-highlights";
import { AnnotationShortcuts, type AnnotationShortcutsOptions } from "./extensions/annotation-shortcuts";
import { PageMarkers } from "./extensions/page-markers";
import { ReadingMode } from "./extensions/reading-mode";
import { ReadingWindow } from "./extensions/reading-window";
import { SelectionOwner } from "./extensions/selection-owner";
import { SourceParagraph } from "./extensions/source-paragraph";
import type { PageMarker } from "./plugins/page-markers-plugin";
import type { Highlight } from "./utils/build-highlight-decoration";

/**
 * The reading view's extensions, with the highlights known at creation drawn with the text: the one
 * registry of what the editor can do. `shortcuts` adds the annotation keys (the reading view has them;
 * the section editor does not).
 */
export function createReadingExtensions(
  initialHighlights: readonly Highlight[] = [],
  pageMarkers: readonly PageMarker[] = [],
  shortcuts: Partial<AnnotationShortcutsOptions> | null = null,
) {
  return [
    Document,
    SourceParagraph,
    Text,
    Heading.configure({ levels: [2], HTMLAttributes: { class: "block-heading" } }),
    ReadingMode,
    SelectionOwner,
    AnnotationHighlights.configure({ initial: initialHighlights }),
    PageMarkers.configure({ markers: pageMarkers }),
    ...(shortcuts ? [AnnotationShortcuts.configure(shortcuts)] : []),
    ReadingWindow,
  ];
}

/** The same without highlights: the schema, for headless use (tests). */
export const readingExtensions = createReadingExtensions();
