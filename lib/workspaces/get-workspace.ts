import type { DbClient } from "../db";
import { requireWorkspaceRole } from "./require-workspace-role";

/** A workspace the actor belongs to, with the actor's role in it. */
export async function getWorkspace(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  const membership = await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  return { ...workspace, role: membership.role };
}
