import type { DbClient } from "../db";
import { AppError } from "../errors";
import { teacherCommentSchema } from "../validations/classroom";
import { parseInput } from "../validations/parse-input";
import { requireAssignment } from "./require-assignment";

async function requireStudentSubmission(db: DbClient, { actor, assignmentId, studentId }: { actor: { id: string }; assignmentId: string; studentId: string }) {
  const { assignment } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  const student = await db.membership.findUnique({ where: { userId_workspaceId: { userId: studentId, workspaceId: assignment.workspaceId } } });
  if (!student || student.role !== "STUDENT") throw new AppError("NOT_FOUND", "That student is not in this class.");
  return assignment;
}

/** The teacher reopens a student's submitted work, so the student can change it and submit again. */
export async function reopenSubmission(db: DbClient, { actor, assignmentId, studentId, now = new Date() }: { actor: { id: string }; assignmentId: string; studentId: string; now?: Date }) {
  await requireStudentSubmission(db, { actor, assignmentId, studentId });
  const submission = await db.submission.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId } } });
  if (!submission?.submittedAt) throw new AppError("CONFLICT", "That student has not submitted, so there is nothing to reopen.");
  return db.submission.update({ where: { id: submission.id }, data: { submittedAt: null, reopenedAt: now } });
}

/** The teacher's comment on one student's work, shown to the student with the released results. */
export async function commentOnSubmission(db: DbClient, { actor, assignmentId, studentId, input }: { actor: { id: string }; assignmentId: string; studentId: string; input: unknown }) {
  await requireStudentSubmission(db, { actor, assignmentId, studentId });
  const { comment } = parseInput(teacherCommentSchema, input);
  return db.submission.upsert({
    where: { assignmentId_studentId: { assignmentId, studentId } },
    create: { assignmentId, studentId, teacherComment: comment },
    update: { teacherComment: comment },
  });
}
