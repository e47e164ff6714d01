import type { DbClient } from "../db";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * Deletes an annotation with its replies and the links that touch it (a link without both ends
 * means nothing). Its author, or a workspace owner. Returns how many links went with it.
 */
export async function deleteAnnotation(db: DbClient, { actor, annotationId }: { actor: { id: string }; annotationId: string }) {
  await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "EDITOR", mustBeAuthor: true, ownerMayAct: true });
  const links = await db.annotationLink.deleteMany({ where: { OR: [{ sourceAnnotationId: annotationId }, { targetAnnotationId: annotationId }] } });
  await db.annotation.delete({ where: { id: annotationId } });
  return { deletedLinks: links.count };
}
