import type { Db } from "../db";
import { AppError } from "../errors";
import { assertAnOwnerRemains } from "./assert-an-owner-remains";
import { requireWorkspaceRole } from "./require-workspace-role";

/** An owner removes a member, or a member leaves; the last owner cannot leave. */
export async function removeMember(db: Db, { actor, workspaceId, userId }: { actor: { id: string }; workspaceId: string; userId: string }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: actor.id === userId ? "VIEWER" : "OWNER" });
  const membership = await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
  if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
  await db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } });
    if (membership.role === "OWNER") await assertAnOwnerRemains(tx, workspaceId);
  });
}
