import type { DbClient } from "../lib/db";
import { createDocument } from "../lib/documents/create-document";
import { readSeedCorpus } from "./seed-corpus";

/** Adds the five seed documents to a workspace the actor may edit, oldest manifest entry first. */
export async function loadSeedCorpus(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  const created = [];
  for (const seed of readSeedCorpus()) {
    created.push(await createDocument(db, { actor, workspaceId, metadata: seed.metadata, content: seed.content }));
  }
  return created;
}
