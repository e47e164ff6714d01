import type { DbClient } from "../db";
import { requireDocumentRole } from "../documents/require-document-role";
import { LINK_VIEW_INCLUDE, linkVisibleTo, toLinkView } from "./link-view";

/** Every visible link touching an annotation of the document, for its reading view. */
export async function listDocumentLinks(db: DbClient, { actor, documentId }: { actor: { id: string }; documentId: string }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  const rows = await db.annotationLink.findMany({
    where: { AND: [linkVisibleTo(actor.id), { OR: [{ source: { documentId } }, { target: { documentId } }] }] },
    include: LINK_VIEW_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toLinkView);
}
