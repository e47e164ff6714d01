import { z } from "zod";
import type { DbClient } from "../db";
import { parseInput } from "../validations/parse-input";
import { requireDocumentRole } from "./require-document-role";

const ratingSchema = z.union([
  z.object({ rating: z.null() }),
  z.object({
    rating: z.number().int().min(1, "Rate from 1 (unreliable) to 5 (reliable).").max(5, "Rate from 1 (unreliable) to 5 (reliable)."),
    reason: z.string().trim().min(1, "Say why: a manual rating overrides the one derived from verdicts.").max(2000),
  }),
]);

/** Sets (or clears, with rating null) a manual reliability rating with its reason. Editors. */
export async function rateDocumentReliability(db: DbClient, { actor, documentId, input }: { actor: { id: string }; documentId: string; input: unknown }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "EDITOR" });
  const parsed = parseInput(ratingSchema, input);
  const data =
    parsed.rating === null
      ? { reliabilityRating: null, reliabilityReason: null, reliabilityRatedById: null, reliabilityRatedAt: null }
      : { reliabilityRating: parsed.rating, reliabilityReason: parsed.reason, reliabilityRatedById: actor.id, reliabilityRatedAt: new Date() };
  await db.document.update({ where: { id: documentId }, data });
}
