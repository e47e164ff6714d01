import type { DbClient } from "../db";
import { AppError } from "../errors";
import { linkVerdictSchema } from "../validations/link";
import { parseInput } from "../validations/parse-input";
import { LINK_VIEW_INCLUDE, toLinkView } from "./link-view";
import { requireLinkAccess } from "./require-link-access";

/** Decides a contradiction: which side is more reliable, both wrong, or no real contradiction. Editors. */
export async function setLinkVerdict(db: DbClient, { actor, linkId, input }: { actor: { id: string }; linkId: string; input: unknown }) {
  const { link } = await requireLinkAccess(db, { userId: actor.id, linkId, minimum: "EDITOR" });
  if (link.type !== "CONTRADICTS") throw new AppError("INVALID_INPUT", "Only contradictions carry a verdict.");
  const { verdict, rationale } = parseInput(linkVerdictSchema, input);
  const decided = verdict !== "UNRESOLVED";
  const updated = await db.annotationLink.update({
    where: { id: linkId },
    data: { verdict, verdictRationale: rationale, verdictById: decided ? actor.id : null, verdictAt: decided ? new Date() : null },
    include: LINK_VIEW_INCLUDE,
  });
  return toLinkView(updated);
}
