import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";

// A student reads like a viewer (what they see of annotations is narrowed by `visibleTo`) and
// annotates only an open assignment's documents (lib/classroom/assert-may-annotate.ts).
const RANK: Record<Role, number> = { STUDENT: 0, VIEWER: 0, EDITOR: 1, OWNER: 2 };

export const ROLE_LABEL: Record<Role, string> = { OWNER: "owner", EDITOR: "editor", VIEWER: "viewer", STUDENT: "student" };

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * The acting user's membership of a workspace, if their role is at least `minimum`. A person who
 * is not a member gets NOT_FOUND, the same answer as for a workspace that does not exist, so ids
 * cannot be probed; a member whose role is too low gets FORBIDDEN.
 */
export async function requireWorkspaceRole(
  db: DbClient,
  { userId, workspaceId, minimum, notFoundMessage = "That workspace does not exist or you are not a member of it." }: {
    userId: string;
    workspaceId: string;
    minimum: Role;
    notFoundMessage?: string;
  },
) {
  const membership = await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } } });
  if (!membership) throw new AppError("NOT_FOUND", notFoundMessage);
  if (!roleAtLeast(membership.role, minimum)) {
    throw new AppError(
      "FORBIDDEN",
      `Your role in this workspace is ${ROLE_LABEL[membership.role]}; this needs ${ROLE_LABEL[minimum]} or above.`,
    );
  }
  return membership;
}
