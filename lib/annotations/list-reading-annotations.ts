import type { DbClient } from "../db";
import { requireDocumentRole } from "../documents/require-document-role";
import { fromStoredDate } from "../sqlite-connection";
import { readConnection, type ReadConnection } from "../sqlite-read-connection";
import { groupBy } from "../group-by";
import { currentDatabaseEngine } from "../database-engine";
import { readPostgresSnapshot } from "../postgres/postgres-connection";
import { readReadingAnnotationsPostgres } from "./list-reading-annotations-postgres";
import { visibleToSql, type ReadingAnnotation } from "./annotation-view";

/** The columns the SELECT below returns, in order: rows come back as arrays (better-sqlite3's raw mode builds them several times faster than objects). */
export type ReadingAnnotationRow = [
  id: string,
  anchorStatus: ReadingAnnotation["anchorStatus"],
  start: number,
  end: number,
  exact: string,
  kind: ReadingAnnotation["kind"],
  techniqueId: string | null,
  techniqueName: string | null,
  techniqueColour: string | null,
  verdict: ReadingAnnotation["verdict"],
  confidence: number | null,
  note: string,
  visibility: ReadingAnnotation["visibility"],
  authorId: string,
  authorName: string,
  originalAuthorName: string | null,
  replyCount: number,
  createdAt: string,
  updatedAt: string,
];

export const READING_ROWS_SQL = `SELECT a.id, a.anchorStatus, a.start, a."end", a.exact, a.kind, a.techniqueId, t.name AS techniqueName, t.colour AS techniqueColour,
                a.verdict, a.confidence, a.note, a.visibility, a.authorId, u.name AS authorName, a.originalAuthorName,
                (SELECT COUNT(*) FROM "AnnotationReply" r WHERE r.annotationId = a.id) AS replyCount, a.createdAt, a.updatedAt
         FROM "Annotation" a INDEXED BY "Annotation_documentId_start_idx"
           JOIN "User" u ON u.id = a.authorId
           LEFT JOIN "Tag" t ON t.id = a.techniqueId
         WHERE a.documentId = @documentId AND ${visibleToSql("a", "@userId")}
         ORDER BY a.start ASC, a."end" DESC, a.id ASC`;

export const READING_TAGS_SQL = `SELECT at.annotationId, t.id, t.name, t.colour FROM "AnnotationTag" at
           JOIN "Annotation" a ON a.id = at.annotationId JOIN "Tag" t ON t.id = at.tagId
         WHERE a.documentId = @documentId AND ${visibleToSql("a", "@userId")}
         ORDER BY t.name`;

/**
 * The annotations on a document the actor may see, in text order (orphans included, flagged), as
 * the reading view holds them. One SQL statement for the rows and one for their tags, on the
 * process's read connection (statements prepared once): for the thousands of annotations a long
 * source carries, the Prisma query with its includes took several times as long (see `npm run bench`).
 */
export async function listReadingAnnotations(db: DbClient, { actor, documentId, databaseFile }: { actor: { id: string }; documentId: string; databaseFile?: string }): Promise<ReadingAnnotation[]> {
  await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  if (currentDatabaseEngine() === "postgresql") return readPostgresSnapshot((statements) => readReadingAnnotationsPostgres(statements, { documentId, userId: actor.id }));
  return readConnection(databaseFile).read((connection) => readReadingAnnotations(connection, { documentId, userId: actor.id }));
}

/**
 * The reading annotations of a document visible to `userId`, read on `connection` without any
 * permission check: for services that have checked the actor's access themselves.
 */
export function readReadingAnnotations(connection: ReadConnection, { documentId, userId }: { documentId: string; userId: string }): ReadingAnnotation[] {
  const rows = connection.statement(READING_ROWS_SQL).raw(true).all({ documentId, userId }) as ReadingAnnotationRow[];
  const tagRows = connection.statement(READING_TAGS_SQL).all({ documentId, userId }) as ReadingTagRow[];
  return toReadingAnnotations(rows, tagRows);
}

export type ReadingTagRow = { annotationId: string; id: string; name: string; colour: string };

/** The rows of READING_ROWS_SQL and READING_TAGS_SQL as the reading view holds them (both engines). */
export function toReadingAnnotations(rows: ReadingAnnotationRow[], tagRows: ReadingTagRow[]): ReadingAnnotation[] {
  const tagsOf = groupBy(tagRows, (tag) => tag.annotationId);
  // One object per author: thousands of annotations share a handful of people.
  const authors = new Map<string, { id: string; name: string }>();
  return rows.map(([id, anchorStatus, start, end, exact, kind, techniqueId, techniqueName, techniqueColour, verdict, confidence, note, visibility, authorId, authorName, originalAuthorName, replyCount, createdAt, updatedAt]) => {
    let author = authors.get(authorId);
    if (!author) authors.set(authorId, (author = { id: authorId, name: authorName }));
    return {
      id,
      anchorStatus,
      start,
      end,
      exact,
      kind,
      technique: techniqueId && techniqueName !== null ? { id: techniqueId, name: techniqueName, colour: techniqueColour ?? "" } : null,
      verdict,
      confidence,
      note,
      visibility,
      author,
      creditedTo: originalAuthorName,
      tags: (tagsOf.get(id) ?? []).map(({ id: tagId, name, colour }) => ({ id: tagId, name, colour })),
      replyCount,
      createdAt: fromStoredDate(createdAt),
      updatedAt: fromStoredDate(updatedAt),
    };
  });
}
