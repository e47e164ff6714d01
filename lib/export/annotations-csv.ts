import { formatCsv, type CsvValue } from "./csv-escape";
import { indexDocuments, locateInCodePoints, pagesOfAnnotation, type IndexedDocument } from "./document-index";
import type { ExportAnnotation, ExportDocument, ExportLink, ExportSet } from "./export-model";

/**
 * The annotations file: one row per annotation, in the set's order. Offsets come twice: in code
 * points (what the W3C model and most non-JavaScript tools count) and in UTF-16 units (what the
 * workbench stores). Code-point columns are empty when the position does not hold the quote on
 * the exported text (orphans); the UTF-16 columns then carry the stored, stale offsets. `page` is
 * the page or pages of the source the words are on ("12", "12–13"), for texts imported with pages.
 */
export const ANNOTATION_CSV_COLUMNS = [
  "annotation_id",
  "document_id",
  "document_title",
  "page",
  "start_code_point",
  "end_code_point",
  "start_utf16",
  "end_utf16",
  "exact",
  "prefix",
  "suffix",
  "kind",
  "technique_key",
  "technique",
  "verdict",
  "confidence",
  "tags",
  "note",
  "visibility",
  "author_id",
  "author",
  "created_at",
  "updated_at",
  "anchor_status",
  "reply_count",
  "credited_to",
] as const;

export const LINK_CSV_COLUMNS = [
  "link_id",
  "type",
  "source_annotation_id",
  "source_document_id",
  "source_document_title",
  "source_exact",
  "target_annotation_id",
  "target_document_id",
  "target_document_title",
  "target_exact",
  "note",
  "verdict",
  "verdict_rationale",
  "verdict_by",
  "author_id",
  "author",
  "created_at",
  "credited_to",
] as const;

export type LinkEndAnnotation = Pick<ExportAnnotation, "documentId" | "exact">;

/** Several tags share one cell, separated by "; ". */
const TAG_SEPARATOR = "; ";

export function buildAnnotationsCsv(set: ExportSet): string {
  const documents = indexDocuments(set.documents);
  return formatCsv(
    ANNOTATION_CSV_COLUMNS,
    set.annotations.map((annotation) => annotationRow(annotation, documents.get(annotation.documentId))),
  );
}

export function buildLinksCsv(set: ExportSet): string {
  const documents = new Map(set.documents.map((document) => [document.id, document]));
  const annotations = new Map(set.annotations.map((annotation) => [annotation.id, annotation]));
  return formatCsv(
    LINK_CSV_COLUMNS,
    set.links.map((link) => linkRow(link, annotations, documents)),
  );
}

/** One annotation's row: exported for exporters that write a row at a time. */
export function annotationRow(annotation: ExportAnnotation, indexed: IndexedDocument | undefined): CsvValue[] {
  const codePoints = locateInCodePoints(indexed, annotation);
  const row: Record<(typeof ANNOTATION_CSV_COLUMNS)[number], CsvValue> = {
    annotation_id: annotation.id,
    document_id: annotation.documentId,
    document_title: indexed?.document.title ?? null,
    page: pagesOfAnnotation(indexed?.document, annotation),
    start_code_point: codePoints?.start ?? null,
    end_code_point: codePoints?.end ?? null,
    start_utf16: annotation.start,
    end_utf16: annotation.end,
    exact: annotation.exact,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
    kind: annotation.kind,
    technique_key: annotation.technique?.key ?? null,
    technique: annotation.technique?.name ?? null,
    verdict: annotation.verdict,
    confidence: annotation.confidence,
    tags: annotation.tags.map((tag) => tag.name).join(TAG_SEPARATOR),
    note: annotation.note,
    visibility: annotation.visibility,
    author_id: annotation.author.id,
    author: annotation.author.name,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
    anchor_status: annotation.anchorStatus,
    reply_count: annotation.replies.length,
    credited_to: annotation.creditedTo ?? null,
  };
  return ANNOTATION_CSV_COLUMNS.map((column) => row[column]);
}

/** One link's row; `annotations` needs only the ends' documents and quotes. */
export function linkRow(link: ExportLink, annotations: ReadonlyMap<string, LinkEndAnnotation>, documents: ReadonlyMap<string, ExportDocument>): CsvValue[] {
  const source = linkEnd(annotations.get(link.sourceAnnotationId), documents);
  const target = linkEnd(annotations.get(link.targetAnnotationId), documents);
  const row: Record<(typeof LINK_CSV_COLUMNS)[number], CsvValue> = {
    link_id: link.id,
    type: link.type,
    source_annotation_id: link.sourceAnnotationId,
    source_document_id: source.documentId,
    source_document_title: source.documentTitle,
    source_exact: source.exact,
    target_annotation_id: link.targetAnnotationId,
    target_document_id: target.documentId,
    target_document_title: target.documentTitle,
    target_exact: target.exact,
    note: link.note,
    verdict: link.verdict,
    verdict_rationale: link.verdictRationale,
    verdict_by: link.verdictBy?.name ?? null,
    author_id: link.author.id,
    author: link.author.name,
    created_at: link.createdAt,
    credited_to: link.creditedTo ?? null,
  };
  return LINK_CSV_COLUMNS.map((column) => row[column]);
}

/** What a link row shows of one end; empty when that annotation is not in the set. */
function linkEnd(annotation: LinkEndAnnotation | undefined, documents: ReadonlyMap<string, ExportDocument>) {
  return {
    documentId: annotation?.documentId ?? null,
    documentTitle: annotation ? (documents.get(annotation.documentId)?.title ?? null) : null,
    exact: annotation?.exact ?? null,
  };
}
