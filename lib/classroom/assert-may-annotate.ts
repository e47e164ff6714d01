import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { Membership } from "../generated/prisma/client";
import { roleAtLeast, ROLE_LABEL } from "../workspaces/require-workspace-role";
import { isAssignmentOpen, isSubmissionLocked } from "./assignment-state";

/**
 * Whether a member may add or change their annotations on a document: editors and owners always;
 * a student only on a document of an open assignment whose work they have not submitted (the
 * first mark starts their submission, so the teacher sees who has begun). FORBIDDEN otherwise.
 */
export async function assertMayAnnotate(db: DbClient, { membership, documentId, now = new Date() }: { membership: Membership; documentId: string; now?: Date }): Promise<void> {
  if (membership.role !== "STUDENT") {
    if (!roleAtLeast(membership.role, "EDITOR")) {
      throw new AppError("FORBIDDEN", `Your role in this workspace is ${ROLE_LABEL[membership.role]}; this needs editor or above.`);
    }
    return;
  }
  const open = await studentAssignmentsOn(db, { studentId: membership.userId, workspaceId: membership.workspaceId, documentId, now });
  if (open.length === 0) throw new AppError("FORBIDDEN", "This document is not part of an assignment open to you; students annotate only their open assignments' documents.");
  const unlocked = open.filter((a) => !isSubmissionLocked(a.submission));
  if (unlocked.length === 0) throw new AppError("FORBIDDEN", "You have submitted this assignment, so your work is locked. Ask your teacher to reopen it.");
  for (const assignment of unlocked) {
    if (!assignment.submission) {
      await db.submission.upsert({
        where: { assignmentId_studentId: { assignmentId: assignment.id, studentId: membership.userId } },
        create: { assignmentId: assignment.id, studentId: membership.userId },
        update: {},
      });
    }
  }
}

/** The open assignments of a workspace that include a document, with the student's submission on each. */
export async function studentAssignmentsOn(db: DbClient, { studentId, workspaceId, documentId, now }: { studentId: string; workspaceId: string; documentId: string; now: Date }) {
  const assignments = await db.assignment.findMany({
    where: { workspaceId, documents: { some: { documentId } } },
    select: { id: true, opensAt: true, releasedAt: true, submissions: { where: { studentId }, select: { submittedAt: true } } },
  });
  return assignments.filter((a) => isAssignmentOpen(a, now)).map((a) => ({ id: a.id, submission: a.submissions[0] ?? null }));
}

/** Whether a student may annotate a document now, for pages deciding whether to offer it. */
export async function studentMayAnnotate(db: DbClient, { studentId, workspaceId, documentId }: { studentId: string; workspaceId: string; documentId: string }): Promise<boolean> {
  const open = await studentAssignmentsOn(db, { studentId, workspaceId, documentId, now: new Date() });
  return open.some((a) => !isSubmissionLocked(a.submission));
}
