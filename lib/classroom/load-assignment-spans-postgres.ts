import { readPostgresSnapshot } from "../postgres/postgres-connection";
import { assembleSpans, SPAN_DOCUMENTS_SQL, SPAN_STUDENTS_SQL, SPAN_TECHNIQUES_SQL, spanKeySql, spanMarksSql, type AssignmentSpans, type SpanRow } from "./load-assignment-spans";

/** PostgreSQL's twin of loadAssignmentSpans: the same statements in one REPEATABLE READ snapshot, rows as arrays. */
export async function loadAssignmentSpansPostgres({ assignmentId, workspaceId, markKinds }: { assignmentId: string; workspaceId: string; markKinds: readonly string[] }): Promise<AssignmentSpans> {
  const kinds = markKinds.length > 0 ? markKinds : ["BIAS_MARKER"];
  return readPostgresSnapshot(async (sql) =>
    assembleSpans({
      documents: await sql.all<{ id: string; title: string; text: string }>(SPAN_DOCUMENTS_SQL, [assignmentId]),
      key: await sql.raw<SpanRow>(spanKeySql(kinds.length), [assignmentId, ...kinds]),
      students: await sql.all<{ id: string; name: string }>(SPAN_STUDENTS_SQL, [workspaceId]),
      marks: await sql.raw<SpanRow>(spanMarksSql(kinds.length), [assignmentId, ...kinds]),
      techniques: await sql.all<{ id: string; name: string; colour: string }>(SPAN_TECHNIQUES_SQL, [workspaceId]),
    }),
  );
}
