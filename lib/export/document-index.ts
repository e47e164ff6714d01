import { createCodePointConverter, type CodePointConverter } from "./code-point-converter";
import { pagesOfSpan } from "../documents/page-breaks";
import type { ExportAnnotation, ExportDocument } from "./export-model";

export interface IndexedDocument {
  document: ExportDocument;
  toCodePoint: CodePointConverter;
}

export interface CodePointSpan {
  start: number;
  end: number;
}

/** Documents by id, each with its own code-point converter (built once, used per annotation). */
export function indexDocuments(documents: readonly ExportDocument[]): Map<string, IndexedDocument> {
  return new Map(documents.map((document) => [document.id, { document, toCodePoint: createCodePointConverter(document.text) }]));
}

/**
 * The annotation's span in code points of its document's text, or null when the stored offsets
 * do not hold its quote there: an orphan, an annotation whose document is not in the set, or a
 * stale row. An exporter then gives the quote alone rather than a position that points elsewhere.
 */
export function locateInCodePoints(indexed: IndexedDocument | undefined, annotation: ExportAnnotation): CodePointSpan | null {
  if (!indexed || annotation.anchorStatus !== "ANCHORED") return null;
  if (indexed.document.text.slice(annotation.start, annotation.end) !== annotation.exact) return null;
  const start = indexed.toCodePoint(annotation.start);
  const end = indexed.toCodePoint(annotation.end);
  return start === null || end === null || end < start ? null : { start, end };
}

/**
 * The page or pages of the source an annotation's words are on ("12", "12–13"), or null: a text
 * without pages, or an annotation not placed on this text (its offsets would name the wrong page).
 */
export function pagesOfAnnotation(document: ExportDocument | undefined, annotation: ExportAnnotation): string | null {
  if (!document?.pageBreaks?.length || annotation.anchorStatus !== "ANCHORED") return null;
  if (document.text.slice(annotation.start, annotation.end) !== annotation.exact) return null;
  return pagesOfSpan(document.pageBreaks, annotation.start, annotation.end);
}
