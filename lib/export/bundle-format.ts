import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "../documents/read-document-text";
import { MAX_ANNOTATION_LENGTH, MAX_NOTE_LENGTH } from "../validations/annotation";
import { ANCHOR_STATUSES } from "../vocabulary/anchor-status";
import { ANNOTATION_KINDS } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICTS } from "../vocabulary/claim-verdict";
import { CONTRADICTION_VERDICTS } from "../vocabulary/contradiction-verdict";
import { LINK_TYPES } from "../vocabulary/link-type";
import { SOURCE_KINDS } from "../vocabulary/source-kind";
import { TAG_CATEGORIES } from "../vocabulary/tag-category";
import { VISIBILITIES } from "../vocabulary/visibility";

/**
 * The workbench's own exchange format: a ZIP holding what a workspace's set is made of, written
 * by export-stream.ts and read back by lib/import/. JSON Lines, so both sides can work a record at
 * a time. Offsets are UTF-16 code units of the document's text, as the database stores them.
 */
export const BUNDLE_FORMAT = "source-criticism-workbench/bundle";
export const BUNDLE_VERSION = 1;

export const BUNDLE_FILES = {
  manifest: "manifest.json",
  readme: "README.txt",
  documents: "documents.jsonl",
  annotations: "annotations.jsonl",
  links: "links.jsonl",
} as const;

export const BUNDLE_README = `Source-criticism workbench bundle (format ${BUNDLE_FORMAT}, version ${BUNDLE_VERSION})

manifest.json      what was exported, when, from where; counts; the definitions of the tags used
documents.jsonl    one document per line: its source metadata and the full text of its current revision
annotations.jsonl  one annotation per line: UTF-16 offsets into its document's text, the quote with
                   32 characters of context either side, kind, technique, verdict, tags, note, replies
links.jsonl        one link per line between two annotations of this bundle, with its verdict

Import it into any workspace of a workbench (Export & import page, or POST
/api/workspaces/<id>/import). Every annotation is re-anchored on import; none is dropped.
`;

const id = z.string().min(1).max(200);
const name = z.string().max(200);
const isoDate = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)), "Not a date.");
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => text(max).nullable();

const person = z.object({ id, name });
const tagRef = z.object({ key: z.string().min(1).max(200), name: z.string().min(1).max(200) });

export const bundleTagSchema = tagRef.extend({
  category: z.enum(TAG_CATEGORIES),
  description: text(2000),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colours are #rrggbb."),
  taxonomy: nullableText(40),
});

export const bundleDocumentSchema = z.object({
  id,
  title: z.string().trim().min(1).max(500),
  authors: z.array(z.string().max(200)).max(50),
  dateText: nullableText(100),
  place: nullableText(200),
  sourceKind: z.enum(SOURCE_KINDS).nullable(),
  genre: nullableText(100),
  language: nullableText(35),
  provenance: nullableText(2000),
  notes: text(20_000),
  containerTitle: nullableText(500),
  publisher: nullableText(300),
  publisherPlace: nullableText(200),
  edition: nullableText(100),
  volume: nullableText(50),
  issue: nullableText(50),
  pages: nullableText(50),
  url: nullableText(2000),
  archiveLocation: nullableText(500),
  reliability: z.object({ rating: z.number().int().min(1).max(5), reason: text(2000) }).nullable().optional(),
  revisionNumber: z.number().int().min(1),
  // Characters, not bytes: a byte limit is enforced when the file is read.
  text: z.string().min(1).max(MAX_DOCUMENT_BYTES),
});

const creditedTo = name.nullable().optional();

export const bundleReplySchema = z.object({ id, body: z.string().min(1).max(MAX_NOTE_LENGTH), author: person, creditedTo, createdAt: isoDate });

export const bundleAnnotationSchema = z.object({
  id,
  documentId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  exact: z.string().min(1).max(MAX_ANNOTATION_LENGTH),
  prefix: text(200),
  suffix: text(200),
  kind: z.enum(ANNOTATION_KINDS),
  technique: tagRef.nullable(),
  verdict: z.enum(CLAIM_VERDICTS).nullable(),
  confidence: z.number().int().min(0).max(100).nullable(),
  note: text(MAX_NOTE_LENGTH),
  visibility: z.enum(VISIBILITIES),
  tags: z.array(tagRef).max(50),
  author: person,
  creditedTo,
  anchorStatus: z.enum(ANCHOR_STATUSES),
  createdAt: isoDate,
  updatedAt: isoDate,
  replies: z.array(bundleReplySchema).max(1000),
});

export const bundleLinkSchema = z.object({
  id,
  sourceAnnotationId: id,
  targetAnnotationId: id,
  type: z.enum(LINK_TYPES),
  note: text(MAX_NOTE_LENGTH),
  verdict: z.enum(CONTRADICTION_VERDICTS).nullable(),
  verdictRationale: text(MAX_NOTE_LENGTH),
  author: person,
  creditedTo,
  verdictBy: person.nullable(),
  createdAt: isoDate,
});

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: "This ZIP is not a workbench bundle (its manifest names another format)." }),
  version: z.literal(BUNDLE_VERSION, { error: `This bundle's version is not one this workbench reads (it reads version ${BUNDLE_VERSION}).` }),
  exportedAt: isoDate,
  exportedFrom: z.string().max(2000),
  workspace: z.object({ id, name: z.string().max(500), techniqueTaxonomy: z.string().max(40) }),
  counts: z.object({
    documents: z.number().int().min(0),
    annotations: z.number().int().min(0),
    replies: z.number().int().min(0),
    links: z.number().int().min(0),
  }),
  tags: z.array(bundleTagSchema).max(10_000),
});

export type BundleManifest = z.output<typeof bundleManifestSchema>;
export type BundleTag = z.output<typeof bundleTagSchema>;
export type BundleDocument = z.output<typeof bundleDocumentSchema>;
export type BundleAnnotation = z.output<typeof bundleAnnotationSchema>;
export type BundleLink = z.output<typeof bundleLinkSchema>;
