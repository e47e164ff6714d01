import { z } from "zod";
import { ANNOTATION_KINDS } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICTS } from "../vocabulary/claim-verdict";
import { VISIBILITIES } from "../vocabulary/visibility";

/** The longest span one annotation may cover, in characters: about ten pages. */
export const MAX_ANNOTATION_LENGTH = 20_000;
export const MAX_NOTE_LENGTH = 10_000;


const id = z.string().min(1).max(64);
const offset = z.number({ error: "Offsets must be numbers." }).int("Offsets must be whole numbers.").min(0, "Offsets cannot be negative.");

/** What an annotation says about its span, without defaults: an update changes only what it names. */
const annotationFieldsSchema = z.object({
  kind: z.enum(ANNOTATION_KINDS, { error: "Choose a kind: claim, bias marker, contradiction or tag." }),
  techniqueId: id.nullish(),
  verdict: z.enum(CLAIM_VERDICTS).nullish(),
  confidence: z.number().int().min(0, "Confidence runs from 0 to 100.").max(100, "Confidence runs from 0 to 100.").nullish(),
  note: z.string().max(MAX_NOTE_LENGTH, `Notes can hold at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`),
  visibility: z.enum(VISIBILITIES),
  tagIds: z.array(id).max(50, "At most 50 tags on one annotation."),
});

/** A new annotation's body: a note, visibility and tags default when not given. */
export const annotationBodySchema = annotationFieldsSchema.extend({
  note: annotationFieldsSchema.shape.note.default(""),
  visibility: annotationFieldsSchema.shape.visibility.default("WORKSPACE"),
  tagIds: annotationFieldsSchema.shape.tagIds.default([]),
});

export const createAnnotationSchema = annotationBodySchema.extend({
  /** The revision the client selected on: a stale page is told to reload instead of saving on moved text. */
  revisionId: id,
  start: offset,
  end: offset,
  /** The text the client saw selected; must equal the server's text at start..end. */
  exact: z.string().max(MAX_ANNOTATION_LENGTH),
});

export const updateAnnotationSchema = annotationFieldsSchema.partial();

export const replySchema = z.object({
  body: z.string().trim().min(1, "Write something first.").max(MAX_NOTE_LENGTH, `Replies can hold at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`),
});

export const reattachSchema = z.object({ revisionId: id, start: offset, end: offset, exact: z.string().max(MAX_ANNOTATION_LENGTH) });

export const reviseTextSchema = z.object({
  /** The revision the edit was made on; a newer one on the server means someone else saved first. */
  baseRevisionId: id,
  text: z.string(),
  note: z.string().trim().max(500).default(""),
});
