/**
 * The plain input every exporter in this folder reads: no Prisma rows, no dates as objects, no
 * database ids beyond strings. A loader (elsewhere) fills it from the database; the builders turn
 * it into wire formats. Keeping the two apart lets each format change without touching the other.
 *
 * Offsets (`start`, `end`) count UTF-16 code units of `ExportDocument.text`, as the schema does.
 * They hold for ANCHORED annotations only; an ORPHANED annotation's offsets refer to an older
 * revision, so exporters give orphans their quote but no position.
 */

import type { AnchorStatus } from "../vocabulary/anchor-status";
import type { AnnotationKind } from "../vocabulary/annotation-kind";
import type { ClaimVerdict } from "../vocabulary/claim-verdict";
import type { ContradictionVerdict } from "../vocabulary/contradiction-verdict";
import type { LinkType } from "../vocabulary/link-type";
import type { SourceKind } from "../vocabulary/source-kind";
import type { TagCategory } from "../vocabulary/tag-category";
import type { Visibility } from "../vocabulary/visibility";

// The words come from lib/vocabulary (one home each); exporters import them from here with the model.
export type { AnchorStatus, AnnotationKind, ClaimVerdict, ContradictionVerdict, LinkType, SourceKind, TagCategory, Visibility };

export interface ExportPerson {
  id: string;
  name: string;
}

/** The name to show for who made something: the credited original author, else the account. */
export function creditedName(item: { author: ExportPerson; creditedTo?: string | null }): string {
  return item.creditedTo ?? item.author.name;
}

export interface ExportTag {
  /** Stable slug, unique per workspace: "ptc:loaded-language", "custom:famine". */
  key: string;
  name: string;
}

export interface ExportDocument {
  id: string;
  title: string;
  /** "Surname, Given" or an institution, in order. */
  authors: readonly string[];
  /** As the historian writes it: "c. 1925", "1924-01-09", "1945–1952". */
  dateText: string | null;
  place: string | null;
  sourceKind: SourceKind | null;
  genre: string | null;
  /** BCP 47 tag, e.g. "en", "ru". */
  language: string | null;
  provenance: string | null;
  notes: string;
  containerTitle: string | null;
  publisher: string | null;
  publisherPlace: string | null;
  edition: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  url: string | null;
  archiveLocation: string | null;
  /** A manual reliability judgement (1 unreliable .. 5 reliable), when someone made one. */
  reliability?: { rating: number; reason: string } | null;
  /** The revision whose text is `text`, and whose offsets the ANCHORED annotations use. */
  revisionNumber: number;
  text: string;
}

export interface ExportReply {
  id: string;
  body: string;
  author: ExportPerson;
  /** Who wrote it, as an imported file credited them; `author` is then the account that imported it. */
  creditedTo?: string | null;
  /** ISO 8601. */
  createdAt: string;
}

export interface ExportAnnotation {
  id: string;
  documentId: string;
  /** UTF-16 offsets into the document's `text` (see the note at the top of this file). */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  kind: AnnotationKind;
  technique: ExportTag | null;
  verdict: ClaimVerdict | null;
  /** 0..100. */
  confidence: number | null;
  note: string;
  visibility: Visibility;
  tags: readonly ExportTag[];
  author: ExportPerson;
  /** As on ExportReply. */
  creditedTo?: string | null;
  anchorStatus: AnchorStatus;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  replies: readonly ExportReply[];
}

export interface ExportLink {
  id: string;
  /** Directed: "first" in a verdict means the source, "second" the target. */
  sourceAnnotationId: string;
  targetAnnotationId: string;
  type: LinkType;
  note: string;
  /** CONTRADICTS links only. */
  verdict: ContradictionVerdict | null;
  verdictRationale: string;
  author: ExportPerson;
  /** As on ExportReply. */
  creditedTo?: string | null;
  verdictBy: ExportPerson | null;
  /** ISO 8601. */
  createdAt: string;
}

/** One export: the caller has already applied visibility and the user's filter. */
export interface ExportSet {
  workspace: { id: string; name: string };
  documents: readonly ExportDocument[];
  annotations: readonly ExportAnnotation[];
  links: readonly ExportLink[];
}
