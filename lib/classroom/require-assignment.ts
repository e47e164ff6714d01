import type { DbClient } from "../db";
import { AppError } from "../errors";
import { MARK_KINDS, type MarkKind } from "../vocabulary/annotation-kind";
import { isEnumValue } from "../vocabulary/enum-values";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

const NOT_FOUND = "That assignment does not exist or you do not have access to it.";

/**
 * An assignment with the actor's membership of its workspace. `asTeacher` requires editor or
 * owner (a teacher); otherwise any member passes, and a student gets NOT_FOUND for an assignment
 * that has not opened yet (it does not exist for them until then).
 */
export async function requireAssignment(db: DbClient, { userId, assignmentId, asTeacher, now = new Date() }: { userId: string; assignmentId: string; asTeacher: boolean; now?: Date }) {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!assignment) throw new AppError("NOT_FOUND", NOT_FOUND);
  const membership = await requireWorkspaceRole(db, { userId, workspaceId: assignment.workspaceId, minimum: asTeacher ? "EDITOR" : "VIEWER", notFoundMessage: NOT_FOUND });
  if (membership.role === "STUDENT" && assignment.opensAt && assignment.opensAt.getTime() > now.getTime()) throw new AppError("NOT_FOUND", NOT_FOUND);
  return { assignment, membership, markKinds: toMarkKinds(assignment.markKinds) };
}

export function toMarkKinds(value: unknown): MarkKind[] {
  const kinds: unknown[] = Array.isArray(value) ? value : [];
  return kinds.filter((k): k is MarkKind => isEnumValue(MARK_KINDS, k));
}
