/** Whether students may work on an assignment at `now`: it has opened and its results are not out. */
export function isAssignmentOpen(assignment: { opensAt: Date | null; releasedAt: Date | null }, now: Date): boolean {
  return assignment.releasedAt === null && (assignment.opensAt === null || assignment.opensAt.getTime() <= now.getTime());
}

/** A submitted piece of work is locked until the teacher reopens it (reopening clears `submittedAt`). */
export function isSubmissionLocked(submission: { submittedAt: Date | null } | null | undefined): boolean {
  return Boolean(submission?.submittedAt);
}

export type AssignmentStatus = "not-open" | "open" | "submitted" | "released";

export function assignmentStatus(assignment: { opensAt: Date | null; releasedAt: Date | null }, submission: { submittedAt: Date | null } | null | undefined, now: Date): AssignmentStatus {
  if (assignment.releasedAt) return "released";
  if (!isAssignmentOpen(assignment, now)) return "not-open";
  return isSubmissionLocked(submission) ? "submitted" : "open";
}
