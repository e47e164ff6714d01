import type { DbClient } from "../db";
import { roleAtLeast } from "../workspaces/require-workspace-role";
import { assignmentStatus } from "./assignment-state";
import { requireAssignment } from "./require-assignment";

/**
 * An assignment as its page shows it. A teacher gets the candidates for the key (teachers'
 * annotations of the assignment's kinds on its documents, flagged when in the key) and the class's
 * progress (each student: started, marks, submitted, comment). A student gets only their own state.
 */
export async function getAssignment(db: DbClient, { actor, assignmentId, now = new Date() }: { actor: { id: string }; assignmentId: string; now?: Date }) {
  const { assignment, membership, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: false, now });
  const documents = (
    await db.assignmentDocument.findMany({ where: { assignmentId }, orderBy: { position: "asc" }, include: { document: { select: { id: true, title: true } } } })
  ).map((d) => d.document);
  const base = {
    id: assignment.id,
    workspaceId: assignment.workspaceId,
    title: assignment.title,
    instructions: assignment.instructions,
    markKinds,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    releasedAt: assignment.releasedAt,
    documents,
    role: membership.role,
  };
  const documentIds = documents.map((d) => d.id);

  if (!roleAtLeast(membership.role, "EDITOR")) {
    const [submission, marks] = await Promise.all([
      db.submission.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId: actor.id } } }),
      db.annotation.count({ where: { authorId: actor.id, documentId: { in: documentIds }, kind: { in: markKinds } } }),
    ]);
    return { ...base, teacher: null, student: { status: assignmentStatus(assignment, submission, now), submittedAt: submission?.submittedAt ?? null, reopenedAt: submission?.reopenedAt ?? null, marks } };
  }

  const [keyRows, candidates, students, submissions, markCounts] = await Promise.all([
    db.assignmentKeyAnnotation.findMany({ where: { assignmentId }, select: { annotationId: true } }),
    db.annotation.findMany({
      where: {
        documentId: { in: documentIds },
        kind: { in: markKinds },
        anchorStatus: "ANCHORED",
        author: { memberships: { some: { workspaceId: assignment.workspaceId, role: { in: ["OWNER", "EDITOR"] } } } },
        OR: [{ visibility: "WORKSPACE" }, { authorId: actor.id }],
      },
      orderBy: [{ documentId: "asc" }, { start: "asc" }],
      select: { id: true, documentId: true, start: true, exact: true, kind: true, author: { select: { name: true } }, technique: { select: { name: true, colour: true } } },
      take: 5000,
    }),
    db.membership.findMany({ where: { workspaceId: assignment.workspaceId, role: "STUDENT" }, include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } }),
    db.submission.findMany({ where: { assignmentId } }),
    db.annotation.groupBy({
      by: ["authorId"],
      where: { documentId: { in: documentIds }, kind: { in: markKinds }, author: { memberships: { some: { workspaceId: assignment.workspaceId, role: "STUDENT" } } } },
      _count: { _all: true },
    }),
  ]);
  const inKey = new Set(keyRows.map((k) => k.annotationId));
  const submissionOf = new Map(submissions.map((s) => [s.studentId, s]));
  const marksOf = new Map(markCounts.map((m) => [m.authorId, m._count._all]));
  const titleOf = new Map(documents.map((d) => [d.id, d.title]));
  return {
    ...base,
    student: null,
    teacher: {
      keySize: inKey.size,
      candidates: candidates.map((c) => ({ id: c.id, documentTitle: titleOf.get(c.documentId) ?? "", exact: c.exact.length > 160 ? `${c.exact.slice(0, 160)}…` : c.exact, kind: c.kind, author: c.author.name, technique: c.technique, inKey: inKey.has(c.id) })),
      progress: students.map((m) => {
        const submission = submissionOf.get(m.userId);
        return {
          studentId: m.userId,
          name: m.user.name,
          email: m.user.email,
          startedAt: submission?.startedAt ?? null,
          submittedAt: submission?.submittedAt ?? null,
          reopenedAt: submission?.reopenedAt ?? null,
          comment: submission?.teacherComment ?? "",
          marks: marksOf.get(m.userId) ?? 0,
        };
      }),
    },
  };
}

export type AssignmentDetail = Awaited<ReturnType<typeof getAssignment>>;
