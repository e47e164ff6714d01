import type { DbClient } from "../db";
import { roleAtLeast, requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { assignmentStatus } from "./assignment-state";
import { toMarkKinds } from "./require-assignment";

/**
 * A workspace's assignments. Teachers see all with the class's progress counts; a student sees
 * the ones that have opened, each with the state of their own work.
 */
export async function listWorkspaceAssignments(db: DbClient, { actor, workspaceId, now = new Date() }: { actor: { id: string }; workspaceId: string; now?: Date }) {
  const membership = await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const isTeacher = roleAtLeast(membership.role, "EDITOR");
  const isStudent = membership.role === "STUDENT";
  const rows = await db.assignment.findMany({
    where: { workspaceId, ...(isStudent && { OR: [{ opensAt: null }, { opensAt: { lte: now } }] }) },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: {
      _count: { select: { documents: true, keyAnnotations: true } },
      submissions: { where: isTeacher ? {} : { studentId: actor.id }, select: { studentId: true, submittedAt: true } },
    },
  });
  return {
    role: membership.role,
    assignments: rows.map(({ submissions, _count, ...a }) => ({
      id: a.id,
      title: a.title,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      releasedAt: a.releasedAt,
      markKinds: toMarkKinds(a.markKinds),
      documentCount: _count.documents,
      keySize: isTeacher ? _count.keyAnnotations : null,
      started: isTeacher ? submissions.length : null,
      submitted: isTeacher ? submissions.filter((s) => s.submittedAt).length : null,
      status: assignmentStatus(a, isStudent ? (submissions[0] ?? null) : null, now),
    })),
  };
}

/** "My assignments": every opened assignment in the workspaces where the actor is a student. */
export async function listMyAssignments(db: DbClient, { actor, now = new Date() }: { actor: { id: string }; now?: Date }) {
  const rows = await db.assignment.findMany({
    where: { workspace: { memberships: { some: { userId: actor.id, role: "STUDENT" } } }, OR: [{ opensAt: null }, { opensAt: { lte: now } }] },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    include: { workspace: { select: { id: true, name: true } }, submissions: { where: { studentId: actor.id }, select: { submittedAt: true } } },
  });
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    workspace: a.workspace,
    dueAt: a.dueAt,
    releasedAt: a.releasedAt,
    status: assignmentStatus(a, a.submissions[0] ?? null, now),
  }));
}
