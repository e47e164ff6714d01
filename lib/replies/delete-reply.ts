import type { DbClient } from "../db";
import { AppError } from "../errors";
import { requireAnnotationAccess } from "../annotations/require-annotation-access";

/** Deletes a reply: its author, or an owner of the workspace. */
export async function deleteReply(db: DbClient, { actor, replyId }: { actor: { id: string }; replyId: string }) {
  const reply = await db.annotationReply.findUnique({ where: { id: replyId } });
  if (!reply) throw new AppError("NOT_FOUND", "That reply does not exist or you cannot see it.");
  const { membership } = await requireAnnotationAccess(db, { userId: actor.id, annotationId: reply.annotationId, minimum: "VIEWER" });
  if (reply.authorId !== actor.id && membership.role !== "OWNER") throw new AppError("FORBIDDEN", "Only its author can delete this reply.");
  await db.annotationReply.delete({ where: { id: replyId } });
}
