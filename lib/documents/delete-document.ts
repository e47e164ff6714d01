import type { DbClient } from "../db";
import { requireDocumentRole } from "./require-document-role";

/**
 * Deletes a document with its revisions, annotations, replies and the links that touch them.
 * Editors and owners. Returns the workspace it was in.
 */
export async function deleteDocument(db: DbClient, { actor, documentId }: { actor: { id: string }; documentId: string }) {
  const { workspaceId } = await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "EDITOR" });
  await db.document.delete({ where: { id: documentId } });
  return { workspaceId };
}
