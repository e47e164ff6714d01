import type { DbClient } from "../db";
import { parseInput } from "../validations/parse-input";
import { reliabilityRatingSchema } from "../validations/reliability";
import { requireDocumentRole } from "./require-document-role";

/** Sets (or clears, with rating null) a manual reliability rating with its reason. Editors. */
export async function rateDocumentReliability(db: DbClient, { actor, documentId, input }: { actor: { id: string }; documentId: string; input: unknown }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "EDITOR" });
  const parsed = parseInput(reliabilityRatingSchema, input);
  const data =
    parsed.rating === null
      ? { reliabilityRating: null, reliabilityReason: null, reliabilityRatedById: null, reliabilityRatedAt: null }
      : { reliabilityRating: parsed.rating, reliabilityReason: parsed.reason, reliabilityRatedById: actor.id, reliabilityRatedAt: new Date() };
  await db.document.update({ where: { id: documentId }, data });
}
