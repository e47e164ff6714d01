import type { DbClient } from "../db";
import { requireAnnotationAccess } from "../annotations/require-annotation-access";
import { REPLY_SELECT } from "./add-reply";

/** The discussion on an annotation the actor can see, oldest first. */
export async function listReplies(db: DbClient, { actor, annotationId }: { actor: { id: string }; annotationId: string }) {
  await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "VIEWER" });
  return db.annotationReply.findMany({ where: { annotationId }, orderBy: { createdAt: "asc" }, select: REPLY_SELECT });
}
