import { openSqlite } from "../sqlite-connection";
import type { ScoredSpan } from "./scoring/span";
import { currentDatabaseEngine } from "../database-engine";
import { loadAssignmentSpansPostgres } from "./load-assignment-spans-postgres";

export interface AssignmentSpans {
  documents: { id: string; title: string; text: string; length: number }[];
  key: (ScoredSpan & { annotationId: string })[];
  /** Students of the workspace (every one, with or without work), with their marks of the assignment's kinds. */
  students: { id: string; name: string; spans: (ScoredSpan & { annotationId: string })[] }[];
  /** Technique tag id → name and colour, in the taxonomy's order. */
  techniques: { id: string; name: string; colour: string }[];
}

export type SpanRow = [annotationId: string, documentId: string, start: number, end: number, techniqueId: string | null, authorId: string];

/**
 * Everything scoring needs of an assignment, read in one snapshot on a read-only connection of
 * its own (a class of 200 carries 20,000 marks: rows come back as arrays, without Prisma's
 * per-row cost). Only placed (anchored) annotations count; offsets refer to the current text.
 */
export async function loadAssignmentSpans({ assignmentId, workspaceId, markKinds, databaseFile }: { assignmentId: string; workspaceId: string; markKinds: readonly string[]; databaseFile?: string }): Promise<AssignmentSpans> {
  if (currentDatabaseEngine() === "postgresql") return loadAssignmentSpansPostgres({ assignmentId, workspaceId, markKinds });
  const sql = openSqlite({ readonly: true, file: databaseFile });
  try {
    sql.exec("BEGIN");
    const documents = sql
      .prepare(SPAN_DOCUMENTS_SQL)
      .all(assignmentId) as { id: string; title: string; text: string }[];
    const kinds = markKinds.length > 0 ? markKinds : ["BIAS_MARKER"];
    const key = sql
      .prepare(spanKeySql(kinds.length))
      .raw(true)
      .all(assignmentId, ...kinds) as SpanRow[];
    const students = sql
      .prepare(SPAN_STUDENTS_SQL)
      .all(workspaceId) as { id: string; name: string }[];
    // Everyone's marks on the documents; only the students' are kept below (a per-row join with
    // Membership cost more than the read itself).
    const marks = sql
      .prepare(spanMarksSql(kinds.length))
      .raw(true)
      .all(assignmentId, ...kinds) as SpanRow[];
    const techniques = sql
      .prepare(SPAN_TECHNIQUES_SQL)
      .all(workspaceId) as { id: string; name: string; colour: string }[];
    sql.exec("COMMIT");
    return assembleSpans({ documents, key, students, marks, techniques });
  } finally {
    sql.close();
  }
}

export const SPAN_DOCUMENTS_SQL = `SELECT d.id, d.title, r.text FROM "AssignmentDocument" ad
           JOIN "Document" d ON d.id = ad.documentId
           JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber
         WHERE ad.assignmentId = ? ORDER BY ad.position, d.title`;
export const spanKeySql = (kindCount: number) => `SELECT a.id, a.documentId, a.start, a."end", a.techniqueId, a.authorId FROM "AssignmentKeyAnnotation" k
           JOIN "Annotation" a ON a.id = k.annotationId
           JOIN "AssignmentDocument" ad ON ad.assignmentId = k.assignmentId AND ad.documentId = a.documentId
         WHERE k.assignmentId = ? AND a.anchorStatus = 'ANCHORED' AND a.kind IN (${Array.from({ length: kindCount }, () => "?").join(", ")})`;
export const SPAN_STUDENTS_SQL = `SELECT u.id, u.name FROM "Membership" m JOIN "User" u ON u.id = m.userId WHERE m.workspaceId = ? AND m.role = 'STUDENT' ORDER BY u.name, u.id`;
export const spanMarksSql = (kindCount: number) => `SELECT a.id, a.documentId, a.start, a."end", a.techniqueId, a.authorId FROM "AssignmentDocument" ad
           JOIN "Annotation" a ON a.documentId = ad.documentId
         WHERE ad.assignmentId = ? AND a.anchorStatus = 'ANCHORED' AND a.kind IN (${Array.from({ length: kindCount }, () => "?").join(", ")})
         ORDER BY a.documentId, a.start`;
export const SPAN_TECHNIQUES_SQL = `SELECT t.id, t.name, t.colour FROM "Tag" t JOIN "Workspace" w ON w.id = t.workspaceId
         WHERE t.workspaceId = ? AND t.category = 'TECHNIQUE' ORDER BY (t.taxonomy = w.techniqueTaxonomy) DESC, t.position, t.name`;

/** The rows read as AssignmentSpans (both engines). */
export function assembleSpans({
  documents,
  key,
  students,
  marks,
  techniques,
}: {
  documents: { id: string; title: string; text: string }[];
  key: SpanRow[];
  students: { id: string; name: string }[];
  marks: SpanRow[];
  techniques: { id: string; name: string; colour: string }[];
}): AssignmentSpans {
  const toSpan = ([annotationId, documentId, start, end, technique]: SpanRow) => ({ annotationId, documentId, start, end, technique });
  const byStudent = new Map(students.map((s) => [s.id, { ...s, spans: [] as (ScoredSpan & { annotationId: string })[] }]));
  for (const row of marks) byStudent.get(row[5])?.spans.push(toSpan(row));
  return {
    documents: documents.map((d) => ({ ...d, length: d.text.length })),
    key: key.map(toSpan),
    students: [...byStudent.values()],
    techniques,
  };
}
