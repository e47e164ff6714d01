import type { DbClient } from "../db";
import { formatCsv } from "../export/csv-escape";
import { loadAssignmentSpans, type AssignmentSpans } from "./load-assignment-spans";
import { requireAssignment } from "./require-assignment";
import { scoreClass } from "./scoring/score-class";

/**
 * The teacher's results: per-student scores against the key (SemEval-2020 Task 11 span
 * identification, technique accuracy), per-technique scores, the class confusion matrix,
 * agreement between students (Krippendorff's alpha per character) and pairwise F1.
 * Students who have not started are listed with no scores and left out of the agreement.
 */
export async function getAssignmentResults(db: DbClient, { actor, assignmentId, databaseFile }: { actor: { id: string }; assignmentId: string; databaseFile?: string }) {
  const { assignment, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  const submissions = await db.submission.findMany({ where: { assignmentId }, select: { studentId: true, startedAt: true, submittedAt: true, teacherComment: true } });
  const data = await loadAssignmentSpans({ assignmentId, workspaceId: assignment.workspaceId, markKinds, databaseFile });
  return { assignment: { id: assignment.id, title: assignment.title, workspaceId: assignment.workspaceId, releasedAt: assignment.releasedAt }, ...computeResults(data, submissions) };
}

type SubmissionRow = { studentId: string; startedAt: Date; submittedAt: Date | null; teacherComment: string };

/** The computation alone, for the bench and for tests: spans in, the page's numbers out. */
export function computeResults(data: AssignmentSpans, submissions: readonly SubmissionRow[]) {
  const submissionOf = new Map(submissions.map((s) => [s.studentId, s]));
  const working = data.students.filter((s) => s.spans.length > 0 || submissionOf.has(s.id));
  const techniqueName = new Map(data.techniques.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => techniqueName.get(id) ?? "(archived technique)";
  const scores = scoreClass({ documents: data.documents, key: data.key, students: working, techniques: data.techniques.map((t) => t.id) });
  const scoreOf = new Map(scores.students.map((s) => [s.id, s]));
  const students = data.students.map((student) => {
    const score = scoreOf.get(student.id);
    const submission = submissionOf.get(student.id);
    return {
      id: student.id,
      name: student.name,
      marks: student.spans.length,
      precision: score?.precision ?? null,
      recall: score?.recall ?? null,
      f1: score?.f1 ?? null,
      techniqueAccuracy: score?.techniqueAccuracy ?? null,
      techniqueMarked: score?.techniqueMarked ?? 0,
      startedAt: submission?.startedAt.toISOString() ?? null,
      submittedAt: submission?.submittedAt?.toISOString() ?? null,
      comment: submission?.teacherComment ?? "",
    };
  });
  return {
    keySize: data.key.length,
    students,
    perTechnique: scores.perTechnique.map((row) => ({ ...row, name: nameOf(row.technique) })),
    confusion: scores.confusion.map((cell) => ({ key: nameOf(cell.keyTechnique), student: nameOf(cell.studentTechnique), count: cell.count })),
    agreement: {
      coders: working.length,
      overall: scores.agreement.overall,
      perTechnique: scores.agreement.perTechnique.map((row) => ({ name: nameOf(row.technique), alpha: row.alpha })),
    },
    pairwise: { students: working.map((s) => s.name), f1: scores.pairwiseF1 },
  };
}

export type AssignmentResults = Awaited<ReturnType<typeof getAssignmentResults>>;

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/** The results table as RFC 4180 CSV (one row per student). */
export function resultsCsv(results: AssignmentResults): string {
  return formatCsv(
    ["student", "marks", "precision", "recall", "f1", "technique_accuracy", "started_at", "submitted_at"],
    results.students.map((s) => [s.name, s.marks, round(s.precision), round(s.recall), round(s.f1), round(s.techniqueAccuracy), s.startedAt, s.submittedAt]),
  );
}
