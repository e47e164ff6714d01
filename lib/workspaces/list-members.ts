import { AppError } from "../errors";
import type { DbClient } from "../db";
import { requireWorkspaceRole } from "./require-workspace-role";

/** The workspace's members (any member but a student may see who else is in it: classmates' emails stay private). */
export async function listMembers(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  const membership = await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  if (membership.role === "STUDENT") throw new AppError("FORBIDDEN", "Students do not see the class list.");
  const memberships = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  return memberships.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role, since: m.createdAt }));
}
