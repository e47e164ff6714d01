import type { DbClient } from "../db";
import { requireDocumentRole } from "../documents/require-document-role";
import { ANNOTATION_VIEW_INCLUDE, toAnnotationView, visibleTo } from "./annotation-view";

/** The annotations on a document that the actor may see, in text order (orphans included, flagged). */
export async function listDocumentAnnotations(db: DbClient, { actor, documentId }: { actor: { id: string }; documentId: string }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  const rows = await db.annotation.findMany({
    where: { documentId, ...visibleTo(actor.id) },
    orderBy: [{ start: "asc" }, { end: "desc" }],
    include: ANNOTATION_VIEW_INCLUDE,
  });
  return rows.map(toAnnotationView);
}
