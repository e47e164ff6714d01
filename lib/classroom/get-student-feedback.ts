import type { DbClient } from "../db";
import { AppError } from "../errors";
import { loadAssignmentSpans } from "./load-assignment-spans";
import { requireAssignment } from "./require-assignment";
import { overlapLength, type ScoredSpan } from "./scoring/span";
import { scoreSpanIdentification } from "./scoring/span-identification";
import { scoreTechniques } from "./scoring/technique-classification";

export type FeedbackMarkStatus = "hit" | "extra" | "found" | "missed";

/**
 * A student's released results: per document, their marks (hit: overlaps the key; extra: does
 * not) beside the key's spans (found: the student overlapped it; missed), their scores and the
 * teacher's comment. Only the student's own work and the key: never a classmate's.
 */
export async function getStudentFeedback(db: DbClient, { actor, assignmentId, databaseFile }: { actor: { id: string }; assignmentId: string; databaseFile?: string }) {
  const { assignment, membership, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: false });
  if (membership.role !== "STUDENT") throw new AppError("FORBIDDEN", "Feedback is for the students of this class; teachers see the results page.");
  if (!assignment.releasedAt) throw new AppError("FORBIDDEN", "Your teacher has not released the results yet.");
  const data = await loadAssignmentSpans({ assignmentId, workspaceId: assignment.workspaceId, markKinds, databaseFile });
  const own = data.students.find((s) => s.id === actor.id)?.spans ?? [];
  const submission = await db.submission.findUnique({ where: { assignmentId_studentId: { assignmentId, studentId: actor.id } } });
  const techniqueName = new Map(data.techniques.map((t) => [t.id, t.name]));
  const label = (span: ScoredSpan) => (span.technique ? (techniqueName.get(span.technique) ?? "") : "");
  const overlapsAny = (span: ScoredSpan, others: readonly ScoredSpan[]) => others.some((o) => o.documentId === span.documentId && overlapLength(o, span) > 0);
  const spans = scoreSpanIdentification(own, data.key);
  const techniques = scoreTechniques(own, data.key);
  return {
    assignment: { id: assignment.id, title: assignment.title, workspaceId: assignment.workspaceId, releasedAt: assignment.releasedAt },
    scores: { ...spans, techniqueAccuracy: techniques.accuracy, techniqueMarked: techniques.marked, techniqueCorrect: techniques.correct, marks: own.length, keySize: data.key.length },
    comment: submission?.teacherComment ?? "",
    submittedAt: submission?.submittedAt ?? null,
    documents: data.documents.map((document) => ({
      id: document.id,
      title: document.title,
      text: document.text,
      mine: own
        .filter((s) => s.documentId === document.id)
        .map((s) => ({ id: s.annotationId, start: s.start, end: s.end, technique: label(s), status: (overlapsAny(s, data.key) ? "hit" : "extra") as FeedbackMarkStatus })),
      key: data.key
        .filter((s) => s.documentId === document.id)
        .map((s) => ({ id: s.annotationId, start: s.start, end: s.end, technique: label(s), status: (overlapsAny(s, own) ? "found" : "missed") as FeedbackMarkStatus })),
    })),
  };
}

export type StudentFeedback = Awaited<ReturnType<typeof getStudentFeedback>>;
