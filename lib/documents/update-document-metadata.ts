import type { DbClient } from "../db";
import { documentMetadataSchema } from "../validations/document-metadata";
import { parseInput } from "../validations/parse-input";
import { documentMetadataData } from "./document-metadata-data";
import { requireDocumentRole } from "./require-document-role";

/** Replaces a document's source metadata (not its text: that is a new revision). Editors and owners. */
export async function updateDocumentMetadata(db: DbClient, { actor, documentId, metadata }: { actor: { id: string }; documentId: string; metadata: unknown }) {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "EDITOR" });
  const data = documentMetadataData(parseInput(documentMetadataSchema, metadata));
  return db.document.update({ where: { id: documentId }, data });
}
