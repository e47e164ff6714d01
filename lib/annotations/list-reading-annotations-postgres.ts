import type { PostgresStatements } from "../postgres/postgres-connection";
import type { ReadingAnnotation } from "./annotation-view";
import { READING_ROWS_SQL, READING_TAGS_SQL, toReadingAnnotations, type ReadingAnnotationRow, type ReadingTagRow } from "./list-reading-annotations";

/**
 * PostgreSQL's twin of readReadingAnnotations: the same two statements (translated by toPostgresSql,
 * the visibility rule included) in the caller's snapshot, mapped by the same code.
 */
export async function readReadingAnnotationsPostgres(statements: PostgresStatements, { documentId, userId }: { documentId: string; userId: string }): Promise<ReadingAnnotation[]> {
  const rows = await statements.raw<ReadingAnnotationRow>(READING_ROWS_SQL, { documentId, userId });
  const tagRows = await statements.all<ReadingTagRow>(READING_TAGS_SQL, { documentId, userId });
  return toReadingAnnotations(rows, tagRows);
}
