import { z } from "zod";
import { CONTRADICTION_VERDICTS } from "../vocabulary/contradiction-verdict";
import { LINK_TYPES } from "../vocabulary/link-type";


export const createLinkSchema = z.object({
  sourceAnnotationId: z.string().min(1).max(64),
  targetAnnotationId: z.string().min(1).max(64),
  type: z.enum(LINK_TYPES, { error: "Choose a link type: contradicts, corroborates, same claim as, derives from or responds to." }),
  note: z.string().max(10_000).default(""),
});

export const linkVerdictSchema = z.object({
  verdict: z.enum(CONTRADICTION_VERDICTS, { error: "Choose a verdict." }),
  rationale: z.string().max(10_000).default(""),
});

/**
 * Linking an annotation to a passage in one request: to an annotation already on it, or to words
 * of a document's current text, which become a claim annotation first (in the same transaction).
 */
export const linkToPassageSchema = z.object({
  type: createLinkSchema.shape.type,
  note: createLinkSchema.shape.note,
  target: z.union(
    [
      z.object({ annotationId: z.string().min(1).max(64) }).strict(),
      z
        .object({
          documentId: z.string().min(1).max(64),
          revisionId: z.string().min(1).max(64),
          start: z.number().int().min(0),
          end: z.number().int().min(0),
          exact: z.string().min(1).max(100_000),
        })
        .strict(),
    ],
    { error: "Say what to link to: an annotation's id, or a document's words (documentId, revisionId, start, end, exact)." },
  ),
});
