import type { DbClient } from "../db";
import { requireAnnotationAccess } from "./require-annotation-access";

/** One annotation the actor may see, with its document's title: for starting a link from it. */
export async function getAnnotation(db: DbClient, { actor, annotationId }: { actor: { id: string }; annotationId: string }) {
  await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "VIEWER" });
  return db.annotation.findUniqueOrThrow({
    where: { id: annotationId },
    select: { id: true, exact: true, kind: true, documentId: true, workspaceId: true, document: { select: { id: true, title: true } } },
  });
}
