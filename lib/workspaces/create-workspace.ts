import type { DbClient } from "../db";
import { seedWorkspaceTaxonomy } from "../taxonomy/seed-workspace-taxonomy";
import { createWorkspaceSchema } from "../validations/workspace";
import { parseInput } from "../validations/parse-input";
import type { SessionUser } from "../auth/session-user";

/** A new workspace, owned by the actor, with its tag taxonomy. Run inside a transaction by callers that add more. */
export async function createWorkspace(db: DbClient, { actor, input }: { actor: Pick<SessionUser, "id">; input: unknown }) {
  const { name, description } = parseInput(createWorkspaceSchema, input);
  const workspace = await db.workspace.create({
    data: { name, description, memberships: { create: { userId: actor.id, role: "OWNER" } } },
  });
  await seedWorkspaceTaxonomy(db, workspace.id);
  return workspace;
}
