import { z } from "zod";

export const LINK_TYPES = ["CONTRADICTS", "CORROBORATES", "SAME_CLAIM_AS", "DERIVES_FROM", "RESPONDS_TO"] as const;
export const CONTRADICTION_VERDICTS = ["UNRESOLVED", "FIRST_MORE_RELIABLE", "SECOND_MORE_RELIABLE", "BOTH_WRONG", "NOT_A_CONTRADICTION"] as const;

/** Link types that read the same both ways: A contradicts B is B contradicts A. */
export const SYMMETRIC_LINK_TYPES: ReadonlySet<string> = new Set(["CONTRADICTS", "CORROBORATES", "SAME_CLAIM_AS"]);

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
