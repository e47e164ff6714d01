import type { DbClient } from "../db";
import { AppError } from "../errors";
import { loadAssignmentSpans, type AssignmentSpans } from "./load-assignment-spans";
import { requireAssignment } from "./require-assignment";
import { unionByDocument } from "./scoring/span";

/**
 * The class heatmap of one document: runs of characters with how many students flagged each
 * (each student counted once however many of their marks cover it), and the key's spans.
 * Runs are flat arrays [start, end, count, start, end, count, ...] to keep the page small.
 */
export function buildHeatmap(data: AssignmentSpans, documentId: string) {
  const document = data.documents.find((d) => d.id === documentId);
  if (!document) throw new AppError("NOT_FOUND", "That document is not part of this assignment.");
  const deltas = new Map<number, number>();
  const add = (position: number, delta: number) => deltas.set(position, (deltas.get(position) ?? 0) + delta);
  let flaggers = 0;
  for (const student of data.students) {
    const intervals = unionByDocument(student.spans.filter((s) => s.documentId === documentId)).get(documentId);
    if (!intervals) continue;
    flaggers++;
    for (const [start, end] of intervals) {
      add(Math.max(0, start), 1);
      add(Math.min(document.length, end), -1);
    }
  }
  const positions = [...deltas.keys()].sort((a, b) => a - b);
  const runs: number[] = [];
  let count = 0;
  let max = 0;
  positions.forEach((position, i) => {
    count += deltas.get(position) ?? 0;
    const next = positions[i + 1];
    if (count > 0 && next !== undefined && next > position) {
      runs.push(position, next, count);
      if (count > max) max = count;
    }
  });
  const key = unionByDocument(data.key.filter((s) => s.documentId === documentId)).get(documentId) ?? [];
  return { documentId, title: document.title, text: document.text, runs, key: key.flatMap(([start, end]) => [start, end]), max, flaggers, students: data.students.length };
}

export async function getClassHeatmap(db: DbClient, { actor, assignmentId, documentId, databaseFile }: { actor: { id: string }; assignmentId: string; documentId?: string; databaseFile?: string }) {
  const { assignment, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  const data = await loadAssignmentSpans({ assignmentId, workspaceId: assignment.workspaceId, markKinds, databaseFile });
  const chosen = documentId ?? data.documents[0]?.id;
  return {
    assignment: { id: assignment.id, title: assignment.title, workspaceId: assignment.workspaceId },
    documents: data.documents.map((d) => ({ id: d.id, title: d.title })),
    heatmap: chosen ? buildHeatmap(data, chosen) : null,
  };
}

export type ClassHeatmap = ReturnType<typeof buildHeatmap>;

/** Who flagged the character at `at` of a document, with which technique: the heatmap's click. Teachers only. */
export async function listFlagsAt(db: DbClient, { actor, assignmentId, documentId, at }: { actor: { id: string }; assignmentId: string; documentId: string; at: number }) {
  const { assignment, markKinds } = await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  const inAssignment = await db.assignmentDocument.findUnique({ where: { assignmentId_documentId: { assignmentId, documentId } } });
  if (!inAssignment) throw new AppError("NOT_FOUND", "That document is not part of this assignment.");
  if (!Number.isInteger(at) || at < 0) throw new AppError("INVALID_INPUT", "Give a character offset (a whole number, 0 or more).");
  const rows = await db.annotation.findMany({
    where: {
      documentId,
      anchorStatus: "ANCHORED",
      kind: { in: markKinds },
      start: { lte: at },
      end: { gt: at },
      author: { memberships: { some: { workspaceId: assignment.workspaceId, role: "STUDENT" } } },
    },
    select: { id: true, start: true, end: true, exact: true, author: { select: { id: true, name: true } }, technique: { select: { name: true, colour: true } } },
    orderBy: [{ author: { name: "asc" } }, { start: "asc" }],
  });
  const key = await db.annotation.findMany({
    where: { documentId, start: { lte: at }, end: { gt: at }, keyOf: { some: { assignmentId } } },
    select: { id: true, exact: true, technique: { select: { name: true } } },
  });
  return {
    flags: rows.map((r) => ({ id: r.id, student: r.author.name, technique: r.technique?.name ?? null, colour: r.technique?.colour ?? null, start: r.start, end: r.end, exact: r.exact.length > 200 ? `${r.exact.slice(0, 200)}…` : r.exact })),
    key: key.map((k) => ({ id: k.id, technique: k.technique?.name ?? null, exact: k.exact })),
  };
}
