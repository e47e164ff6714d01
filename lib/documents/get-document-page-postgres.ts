import { readReadingAnnotationsPostgres } from "../annotations/list-reading-annotations-postgres";
import { AppError } from "../errors";
import type { PostgresStatements } from "../postgres/postgres-connection";
import { DOCUMENTS_SQL, DOCUMENT_SQL, LINKS_SQL, NOT_FOUND, TAGS_SQL, toLinkView, type DocumentRow, type LinkRow, type TagRow } from "./get-document-page";
import { compareTitles } from "./list-documents";
import { revisionTextFromCacheAsync } from "./revision-text-cache";

/**
 * PostgreSQL's twin of the document page's reads (readPage in get-document-page.ts): the same
 * statements, translated by toPostgresSql, in the caller's REPEATABLE READ snapshot; the text from the
 * same per-revision cache.
 */
export async function readPagePostgres(statements: PostgresStatements, userId: string, documentId: string) {
  const row = await statements.get<DocumentRow>(DOCUMENT_SQL, { documentId, userId });
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  const text = await revisionTextFromCacheAsync(row.revisionId, async () => {
    const stored = await statements.get<{ text: string }>(`SELECT text FROM "DocumentRevision" WHERE id = ?`, [row.revisionId]);
    if (stored === undefined) throw new AppError("NOT_FOUND", NOT_FOUND);
    return stored.text;
  });
  const annotations = await readReadingAnnotationsPostgres(statements, { documentId, userId });
  const tagRows = await statements.all<TagRow>(TAGS_SQL, { workspaceId: row.workspaceId, taxonomy: row.techniqueTaxonomy });
  const links = (await statements.all<LinkRow>(LINKS_SQL, { documentId, userId })).map(toLinkView);
  const documents = (await statements.all<{ id: string; title: string }>(DOCUMENTS_SQL, { workspaceId: row.workspaceId })).sort(compareTitles);
  return { row, text, annotations, tagRows, links, documents };
}
