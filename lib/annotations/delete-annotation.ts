import type { DbClient } from "../db";
import { linkVisibleTo } from "../links/link-view";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * Deletes an annotation with its replies and the links that touch it (the schema cascades: a link
 * without both ends means nothing). Its author, or a workspace owner. Returns how many of those
 * links the actor could see (others' private ones are not revealed, not even as a count).
 */
export async function deleteAnnotation(db: DbClient, { actor, annotationId }: { actor: { id: string }; annotationId: string }) {
  await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "EDITOR", mustBeAuthor: true, ownerMayAct: true });
  const deletedLinks = await db.annotationLink.count({
    where: { AND: [linkVisibleTo(actor.id), { OR: [{ sourceAnnotationId: annotationId }, { targetAnnotationId: annotationId }] }] },
  });
  await db.annotation.delete({ where: { id: annotationId } });
  return { deletedLinks };
}
