import type { PoolClient } from "pg";
import { AppError } from "../errors";
import { nextTurn } from "../next-turn";
import { postgresPool, PostgresStatements } from "../postgres/postgres-connection";
import { bindPostgres, toPostgresSql } from "../postgres/postgres-sql";
import { readPageBreaks } from "../documents/page-breaks";
import type { ExportDocument, ExportLink } from "./export-model";
import {
  annotationFilter,
  buildExportAnnotations,
  EXPORT_BATCH_SIZE,
  NOT_A_MEMBER,
  parseAuthors,
  parseJsonColumn,
  stripId,
  toExportLinks,
  type AnnotationRow,
  type DocumentRow,
  type ExportReader,
  type LinkRow,
  type ReaderOptions,
  type ReplyRow,
  type TagRow,
} from "./read-export-set";

/**
 * PostgreSQL's twin of openExportReader: one connection of its own in a REPEATABLE READ, READ ONLY
 * transaction (one snapshot for the whole export: writes made meanwhile are not seen, and not
 * blocked), each document's annotations through a server-side cursor fetched a batch at a time, the
 * event loop free between batches. Authorization as in the SQLite reader: membership, documents of
 * the workspace, the visibility rule in the SQL.
 */
export async function openPostgresExportReader(options: Omit<ReaderOptions, "databaseFile">): Promise<ExportReader> {
  const client = await postgresPool().connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return await createReader(client, options);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
    throw error;
  }
}

async function createReader(client: PoolClient, { userId, workspaceId, selection, batchSize = EXPORT_BATCH_SIZE }: Omit<ReaderOptions, "databaseFile">): Promise<ExportReader> {
  const sql = new PostgresStatements(client);
  const membership = await sql.get(`SELECT role FROM "Membership" WHERE userId = ? AND workspaceId = ?`, [userId, workspaceId]);
  if (!membership) throw new AppError("NOT_FOUND", NOT_A_MEMBER);
  const workspace = await sql.get<ExportReader["workspace"]>(`SELECT id, name, techniqueTaxonomy FROM "Workspace" WHERE id = ?`, [workspaceId]);
  if (!workspace) throw new AppError("NOT_FOUND", NOT_A_MEMBER);

  const documents = await readDocuments(sql, workspaceId, selection.documentIds);
  const tagRows = await sql.all<TagRow>(`SELECT id, key, name, category, description, colour, taxonomy FROM "Tag" WHERE workspaceId = ? ORDER BY category, position, key`, [workspaceId]);
  const tags = new Map(tagRows.map((row) => [row.id, row]));
  const filter = annotationFilter(userId, selection);
  const documentIds = documents.map((document) => document.id);
  const chosen = selection.documentIds.length > 0;
  const annotationCount =
    documentIds.length === 0
      ? 0
      : ((await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "Annotation" a WHERE ${chosen ? "a.documentId = ANY(@documentIds)" : "a.workspaceId = @workspaceId"} AND ${filter.sql}`, {
          ...filter.params,
          ...(chosen ? { documentIds } : { workspaceId }),
        }))?.n ?? 0);
  const exported = new Set<string>();
  let links: ExportLink[] = [];
  let closed = false;
  const limit = Math.max(1, Math.floor(batchSize));

  async function* annotationBatches() {
    await nextTurn();
    for (const documentId of documentIds) {
      // A cursor per document keeps the text order of the SQLite reader (start, end, id) and its batching.
      const declare = toPostgresSql(
        `DECLARE export_annotations NO SCROLL CURSOR FOR
         SELECT a.id, a.documentId, a.start, a."end", a.exact, a.prefix, a.suffix, a.kind, a.techniqueId, a.verdict, a.confidence,
                a.note, a.visibility, a.anchorStatus, a.createdAt, a.updatedAt, a.authorId, u.name AS authorName, a.originalAuthorName
         FROM "Annotation" a JOIN "User" u ON u.id = a.authorId
         WHERE a.documentId = @documentId AND ${filter.sql}
         ORDER BY a.start, a."end", a.id`,
      );
      // Not a named (prepared) statement: PostgreSQL prepares no DECLARE.
      await client.query(declare.text, bindPostgres(declare, { ...filter.params, documentId }));
      try {
        for (;;) {
          const { rows } = await client.query<AnnotationRow>(`FETCH FORWARD ${limit} FROM export_annotations`);
          if (rows.length === 0) break;
          const ids = rows.map((row) => row.id);
          const tagLinks = await sql.all<{ annotationId: string; tagId: string }>(`SELECT annotationId, tagId FROM "AnnotationTag" WHERE annotationId = ANY(@ids)`, { ids });
          const replies = await sql.all<ReplyRow>(
            `SELECT r.id, r.annotationId, r.body, r.createdAt, r.authorId, u.name AS authorName, r.originalAuthorName
             FROM "AnnotationReply" r JOIN "User" u ON u.id = r.authorId
             WHERE r.annotationId = ANY(@ids) ORDER BY r.createdAt, r.id`,
            { ids },
          );
          const batch = buildExportAnnotations(rows, tagLinks, replies, tags);
          for (const annotation of batch) exported.add(annotation.id);
          yield batch;
          if (rows.length < limit) break;
          await nextTurn();
        }
      } finally {
        await client.query("CLOSE export_annotations");
      }
    }
    // links() is synchronous in the reader's interface: read them once the batches are done.
    links = await readLinks(sql, workspaceId, exported);
  }

  return {
    workspace,
    documents,
    tags: new Map([...tags.values()].map((tag) => [tag.key, stripId(tag)])),
    annotationCount,
    annotationBatches,
    links: () => links,
    close: () => {
      if (closed) return;
      closed = true;
      void client
        .query("COMMIT")
        .catch(() => {})
        .finally(() => client.release());
    },
  };
}

async function readDocuments(sql: PostgresStatements, workspaceId: string, chosen: readonly string[]): Promise<ExportDocument[]> {
  const unique = [...new Set(chosen)];
  const rows = await sql.all<DocumentRow>(
    `SELECT d.id, d.title, d.authors, d.dateText, d.place, d.sourceKind, d.genre, d.language, d.provenance, d.notes,
            d.containerTitle, d.publisher, d.publisherPlace, d.edition, d.volume, d.issue, d.pages, d.url, d.archiveLocation,
            d.reliabilityRating, d.reliabilityReason, r.number AS revisionNumber, r.id AS revisionId, r.pageBreaks AS pageBreaks
     FROM "Document" d JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber
     WHERE d.workspaceId = @workspaceId ${unique.length > 0 ? "AND d.id = ANY(@ids)" : ""}
     ORDER BY d.dateSortKey IS NULL, d.dateSortKey, lower(d.title), d.id`,
    unique.length > 0 ? { workspaceId, ids: unique } : { workspaceId },
  );
  if (rows.length < unique.length) {
    throw new AppError("NOT_FOUND", "One of the chosen documents does not exist in this workspace. Reload the page and choose again.");
  }
  // The reader's interface reads a text synchronously: take them all inside the snapshot now.
  const texts = await sql.all<{ id: string; text: string }>(`SELECT id, text FROM "DocumentRevision" WHERE id = ANY(@ids)`, { ids: rows.map((row) => row.revisionId) });
  const textOf = new Map(texts.map((row) => [row.id, row.text]));
  return rows.map(({ authors, reliabilityRating, reliabilityReason, revisionId, pageBreaks, ...row }) => ({
    ...row,
    authors: parseAuthors(authors),
    // jsonb arrives parsed; checked against the text when written, read back tolerantly.
    pageBreaks: readPageBreaks(parseJsonColumn(pageBreaks), Number.MAX_SAFE_INTEGER),
    reliability: reliabilityRating === null ? null : { rating: reliabilityRating, reason: reliabilityReason ?? "" },
    text: textOf.get(revisionId) ?? "",
  }));
}

async function readLinks(sql: PostgresStatements, workspaceId: string, exported: ReadonlySet<string>): Promise<ExportLink[]> {
  if (exported.size === 0) return [];
  const rows = await sql.all<LinkRow>(
    `SELECT l.id, l.sourceAnnotationId, l.targetAnnotationId, l.type, l.note, l.verdict, l.verdictRationale, l.createdAt,
            l.authorId, u.name AS authorName, l.originalAuthorName, l.verdictById, v.name AS verdictByName
     FROM "AnnotationLink" l JOIN "User" u ON u.id = l.authorId LEFT JOIN "User" v ON v.id = l.verdictById
     WHERE l.workspaceId = ? ORDER BY l.createdAt, l.id`,
    [workspaceId],
  );
  return toExportLinks(rows, exported);
}
