import type { Db } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { roleSchema } from "../validations/workspace";
import { parseInput } from "../validations/parse-input";
import { assertAnOwnerRemains } from "./assert-an-owner-remains";
import { requireWorkspaceRole } from "./require-workspace-role";

/** An owner changes a member's role; the last owner cannot step down. */
export async function changeMemberRole(
  db: Db,
  { actor, workspaceId, userId, role }: { actor: { id: string }; workspaceId: string; userId: string; role: unknown },
) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "OWNER" });
  const newRole: Role = parseInput(roleSchema, role);
  const membership = await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
  if (!membership) throw new AppError("NOT_FOUND", "That person is not a member of this workspace.");
  return db.$transaction(async (tx) => {
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: newRole } });
    if (newRole !== "OWNER") await assertAnOwnerRemains(tx, workspaceId);
    return updated;
  });
}
