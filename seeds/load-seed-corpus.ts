import type { DbClient } from "../lib/db";
import { createDocument } from "../lib/documents/create-document";
import { readSeedCorpus } from "./seed-corpus";

/**
 * Adds the five seed documents to a workspace the actor may edit, in manifest order. Returns each
 * new document's id under its manifest file name, for annotations that refer to a seed text.
 */
export async function loadSeedCorpus(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  const documentIdByFile = new Map<string, string>();
  for (const seed of readSeedCorpus()) {
    const document = await createDocument(db, { actor, workspaceId, metadata: seed.metadata, content: seed.content });
    documentIdByFile.set(seed.file, document.id);
  }
  return documentIdByFile;
}
