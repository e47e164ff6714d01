import type { DbClient } from "../lib/db";
import { loadDemoAnnotations } from "./load-demo-annotations";
import { loadSeedCorpus } from "./load-seed-corpus";

/**
 * Puts the sample corpus and the demo annotations into a workspace, in the actor's name: what the
 * demo workspace and every new account's first workspace start with. lib/ never imports seeds/, so
 * the sign-up service is handed this function by app/ (see lib/users/sign-up-user.ts).
 */
export async function fillSampleWorkspace(tx: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }): Promise<void> {
  const documentIdByFile = await loadSeedCorpus(tx, { actor, workspaceId });
  await loadDemoAnnotations(tx, { actor, workspaceId, documentIdByFile });
}
