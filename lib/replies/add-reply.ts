import type { DbClient } from "../db";
import { requireAnnotationAccess } from "../annotations/require-annotation-access";
import { replySchema } from "../validations/annotation";
import { parseInput } from "../validations/parse-input";

export const REPLY_SELECT = { id: true, body: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } }, originalAuthorName: true } as const;

/** Adds a reply to the discussion on an annotation the actor can see. Any member, viewers included. */
export async function addReply(db: DbClient, { actor, annotationId, input }: { actor: { id: string }; annotationId: string; input: unknown }) {
  await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "VIEWER" });
  const { body } = parseInput(replySchema, input);
  return db.annotationReply.create({ data: { annotationId, authorId: actor.id, body }, select: REPLY_SELECT });
}
