import type { AnnotationKind, ClaimVerdict, ContradictionVerdict, LinkType, Visibility } from "../export/export-model";
import type { DocumentMetadata } from "../validations/document-metadata";
import type { TagCategory } from "../vocabulary/tag-category";

/**
 * What an import file asks for, in the workbench's terms, before anything touches the database.
 * The bundle and W3C readers each produce one; applyImportPlan writes it in one transaction.
 * `ref`s are the file's own ids, used only to connect records within the file.
 */
export interface ImportPlan {
  source: "bundle" | "w3c";
  documents: PlannedDocument[];
  annotations: PlannedAnnotation[];
  links: PlannedLink[];
  /** Definitions of tags the file uses (from a bundle's manifest), by key. */
  tagDefinitions: Map<string, PlannedTagDefinition>;
  /** Lossy but safe mappings, reported after a successful import. */
  warnings: string[];
}

export interface PlannedDocument {
  ref: string;
  metadata: DocumentMetadata;
  reliability: { rating: number; reason: string } | null;
  text: string;
  /** The revision the text was in its source; the import keeps the number. */
  revisionNumber: number;
}

export type DocumentTarget = { kind: "new"; ref: string } | { kind: "existing"; documentId: string };

export interface PlannedPerson {
  /** The id the file gives (a workbench user id, or an IRI). */
  id: string | null;
  name: string | null;
}

export interface PlannedAnnotation {
  ref: string;
  /** Where in the file, for messages: "annotations.jsonl, line 4", "item 12". */
  where: string;
  document: DocumentTarget;
  /** UTF-16 offsets into the target text, when the file gives a usable position. */
  position: { start: number; end: number } | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  kind: AnnotationKind;
  technique: { key: string | null; name: string } | null;
  tags: { key: string | null; name: string }[];
  verdict: ClaimVerdict | null;
  confidence: number | null;
  note: string;
  visibility: Visibility;
  author: PlannedPerson;
  /** The original author an earlier import credited, carried along. */
  creditedTo: string | null;
  createdAt: Date;
  updatedAt: Date;
  replies: { body: string; author: PlannedPerson; creditedTo: string | null; createdAt: Date }[];
}

export interface PlannedLink {
  where: string;
  sourceRef: string;
  targetRef: string;
  type: LinkType;
  note: string;
  verdict: ContradictionVerdict | null;
  verdictRationale: string;
  author: PlannedPerson;
  creditedTo: string | null;
  verdictBy: PlannedPerson | null;
  createdAt: Date;
}

export interface PlannedTagDefinition {
  key: string;
  name: string;
  category: TagCategory;
  description: string;
  colour: string;
}

/** What an import did, shown to the user and returned by the API. */
export interface ImportReport {
  documentsCreated: { id: string; title: string }[];
  annotations: number;
  /** How the annotations were placed on their texts. */
  anchoring: { exact: number; moved: number; fuzzy: number; orphaned: number };
  /** Those that could not be placed: kept, listed in their document's "Orphaned" section. */
  orphans: { documentId: string; documentTitle: string; exact: string; where: string }[];
  replies: number;
  links: number;
  tagsCreated: string[];
  warnings: string[];
}

/** A date from a file, or the fallback when it is missing or not a date. */
export function fileDate(value: string | null | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time);
}
