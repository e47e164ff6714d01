import type { DbClient } from "../db";
import { AppError } from "../errors";
import { isAssignmentOpen } from "./assignment-state";
import { requireAssignment } from "./require-assignment";

/** A student hands in their work on an open assignment; it locks until the teacher reopens it. */
export async function submitAssignment(db: DbClient, { actor, assignmentId, now = new Date() }: { actor: { id: string }; assignmentId: string; now?: Date }) {
  const { assignment, membership } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: false, now });
  if (membership.role !== "STUDENT") throw new AppError("FORBIDDEN", "Only students submit assignments.");
  if (!isAssignmentOpen(assignment, now)) throw new AppError("CONFLICT", "This assignment is not open for submissions.");
  const existing = await db.submission.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId: actor.id } } });
  if (existing?.submittedAt) throw new AppError("CONFLICT", "You have already submitted this assignment.");
  return db.submission.upsert({
    where: { assignmentId_studentId: { assignmentId, studentId: actor.id } },
    create: { assignmentId, studentId: actor.id, submittedAt: now },
    update: { submittedAt: now },
  });
}
