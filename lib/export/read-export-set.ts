import Database from "better-sqlite3";
import { visibleToSql } from "../annotations/annotation-view";
import { AppError } from "../errors";
import { groupBy } from "../group-by";
import { nextTurn } from "../next-turn";
import { fromStoredDate, openSqlite } from "../sqlite-connection";
import type { ExportSelection } from "../validations/export-selection";
import type {
  ContradictionVerdict,
  ExportAnnotation,
  ExportDocument,
  ExportLink,
  ExportReply,
  ExportTag,
  LinkType,
} from "./export-model";
import type { TagCategory } from "../vocabulary/tag-category";

/** Annotations read per query; between two batches the event loop runs (each batch is ~20 ms of work). */
export const EXPORT_BATCH_SIZE = 500;

/** A tag as defined in the workspace, for bundles that recreate custom tags elsewhere. */
export interface ExportTagDefinition extends ExportTag {
  category: TagCategory;
  description: string;
  colour: string;
  taxonomy: string | null;
}

export interface ExportReader {
  workspace: { id: string; name: string; techniqueTaxonomy: string };
  /**
   * The chosen documents, in library order (date, then title). Each one's `text` (its current
   * revision) is read when first asked for, one document at a time, so an export of a large
   * workspace does not start with one long read of every text.
   */
  documents: ExportDocument[];
  /** Every tag of the workspace, by key. */
  tags: Map<string, ExportTagDefinition>;
  /** How many annotations the export holds (known before the first batch: for progress). */
  annotationCount: number;
  /** The annotations in text order, document by document, a batch at a time. */
  annotationBatches(): AsyncGenerator<ExportAnnotation[]>;
  /** The links between two exported annotations; call after the batches have been read. */
  links(): ExportLink[];
  close(): void;
}

interface ReaderOptions {
  userId: string;
  workspaceId: string;
  selection: ExportSelection;
  /** The SQLite file; the configured database by default. */
  databaseFile?: string;
  /** Annotations per batch (tests make it small to exercise the paging). */
  batchSize?: number;
}

/**
 * Opens a consistent, read-only view of an export set. It reads through its own better-sqlite3
 * connection inside one read transaction (a WAL snapshot: writes made meanwhile are not seen, and
 * are not blocked), in batches of EXPORT_BATCH_SIZE rows with keyset pagination, so a 100,000-row
 * export never holds the event loop for long and never holds all its annotations at once. Plain SQL
 * rather than Prisma here: it is the one hot path where per-row client overhead decides whether a
 * large export takes one second or ten.
 *
 * Authorization is enforced here, not only by the caller: the user must be a member of the
 * workspace, named documents must belong to it, and only annotations the user may see (the
 * workspace's, and their own private ones) are read.
 */
export function openExportReader({ databaseFile, ...options }: ReaderOptions): ExportReader {
  const connection = openSqlite({ readonly: true, file: databaseFile });
  try {
    connection.exec("BEGIN");
    return createReader(connection, options);
  } catch (error) {
    connection.close();
    throw error;
  }
}

const NOT_A_MEMBER = "That workspace does not exist or you are not a member of it.";

function createReader(connection: Database.Database, { userId, workspaceId, selection, batchSize = EXPORT_BATCH_SIZE }: Omit<ReaderOptions, "databaseFile">): ExportReader {
  const membership = connection.prepare(`SELECT role FROM "Membership" WHERE userId = ? AND workspaceId = ?`).get(userId, workspaceId);
  if (!membership) throw new AppError("NOT_FOUND", NOT_A_MEMBER);
  const workspace = connection.prepare(`SELECT id, name, techniqueTaxonomy FROM "Workspace" WHERE id = ?`).get(workspaceId) as ExportReader["workspace"] | undefined;
  if (!workspace) throw new AppError("NOT_FOUND", NOT_A_MEMBER);

  const documents = readDocuments(connection, workspaceId, selection.documentIds);
  const tags = readTags(connection, workspaceId);
  const filter = annotationFilter(userId, selection);
  const documentIds = documents.map((document) => document.id);
  const annotationCount = documentIds.length === 0 ? 0 : countAnnotations(connection, workspaceId, selection.documentIds.length > 0 ? documentIds : null, filter);
  const exported = new Set<string>();

  async function* annotationBatches(): AsyncGenerator<ExportAnnotation[]> {
    const page = connection.prepare(
      `SELECT a.id, a.documentId, a.start, a."end", a.exact, a.prefix, a.suffix, a.kind, a.techniqueId, a.verdict, a.confidence,
              a.note, a.visibility, a.anchorStatus, a.createdAt, a.updatedAt, a.authorId, u.name AS authorName, a.originalAuthorName
       FROM "Annotation" a INDEXED BY "Annotation_documentId_start_idx" JOIN "User" u ON u.id = a.authorId
       WHERE a.documentId = @documentId AND ${filter.sql}
         AND (a.start, a."end", a.id) > (@start, @end, @id)
       ORDER BY a.start, a."end", a.id
       LIMIT ${Math.max(1, Math.floor(batchSize))}`,
    );
    const tagsById = new Map([...tags.values()].map((tag) => [tag.id, tag]));
    const lookups = prepareLookups(connection);
    // Opening the reader did work already: let other requests in before the first batch.
    await nextTurn();
    for (const documentId of documentIds) {
      let after = { start: -1, end: -1, id: "" };
      for (;;) {
        const rows = page.all({ ...filter.params, documentId, ...after }) as AnnotationRow[];
        if (rows.length === 0) break;
        const batch = toAnnotations(lookups, rows, tagsById);
        for (const annotation of batch) exported.add(annotation.id);
        yield batch;
        const last = rows[rows.length - 1]!;
        after = { start: last.start, end: last.end, id: last.id };
        if (rows.length < batchSize) break;
        // Let other requests in between two batches.
        await nextTurn();
      }
    }
  }

  return {
    workspace,
    documents,
    tags: new Map([...tags.values()].map((tag) => [tag.key, stripId(tag)])),
    annotationCount,
    annotationBatches,
    links: () => readLinks(connection, workspaceId, exported),
    close: () => {
      if (connection.open) {
        if (connection.inTransaction) connection.exec("COMMIT");
        connection.close();
      }
    },
  };
}

/** A document's metadata columns as SQLite gives them: authors as JSON text, the rating apart. */
type DocumentRow = Omit<ExportDocument, "authors" | "reliability" | "text"> & {
  revisionId: string;
  authors: string;
  reliabilityRating: number | null;
  reliabilityReason: string | null;
};

function readDocuments(connection: Database.Database, workspaceId: string, chosen: readonly string[]): ExportDocument[] {
  const unique = [...new Set(chosen)];
  const rows = connection
    .prepare(
      `SELECT d.id, d.title, d.authors, d.dateText, d.place, d.sourceKind, d.genre, d.language, d.provenance, d.notes,
              d.containerTitle, d.publisher, d.publisherPlace, d.edition, d.volume, d.issue, d.pages, d.url, d.archiveLocation,
              d.reliabilityRating, d.reliabilityReason, r.number AS revisionNumber, r.id AS revisionId
       FROM "Document" d JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber
       WHERE d.workspaceId = ? ${unique.length > 0 ? `AND d.id IN (${unique.map(() => "?").join(", ")})` : ""}
       ORDER BY d.dateSortKey IS NULL, d.dateSortKey, d.title COLLATE NOCASE, d.id`,
    )
    .all(workspaceId, ...unique) as DocumentRow[];
  if (rows.length < unique.length) {
    throw new AppError("NOT_FOUND", "One of the chosen documents does not exist in this workspace. Reload the page and choose again.");
  }
  const readText = connection.prepare(`SELECT text FROM "DocumentRevision" WHERE id = ?`).pluck();
  return rows.map(({ authors, reliabilityRating, reliabilityReason, revisionId, ...row }) => {
    let text: string | undefined;
    return {
      ...row,
      authors: parseAuthors(authors),
      reliability: reliabilityRating === null ? null : { rating: reliabilityRating, reason: reliabilityReason ?? "" },
      // Read on first use (inside the reader's snapshot), then kept: see ExportReader.documents.
      get text(): string {
        text ??= readText.get(revisionId) as string;
        return text;
      },
    };
  });
}

function parseAuthors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

interface TagRow extends ExportTagDefinition {
  id: string;
}

function readTags(connection: Database.Database, workspaceId: string): Map<string, TagRow> {
  const rows = connection
    .prepare(`SELECT id, key, name, category, description, colour, taxonomy FROM "Tag" WHERE workspaceId = ? ORDER BY category, position, key`)
    .all(workspaceId) as TagRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

function stripId({ id: _id, ...tag }: TagRow): ExportTagDefinition {
  return tag;
}

interface SqlFilter {
  sql: string;
  params: Record<string, string>;
}

/** The selection's filter as SQL over `Annotation a`, visibility included. */
function annotationFilter(userId: string, selection: ExportSelection): SqlFilter {
  const clauses = [visibleToSql("a", "@userId")];
  const params: Record<string, string> = { userId };
  const equal: [keyof ExportSelection & string, string][] = [
    ["kind", "a.kind"],
    ["techniqueId", "a.techniqueId"],
    ["verdict", "a.verdict"],
    ["authorId", "a.authorId"],
  ];
  for (const [name, column] of equal) {
    const value = selection[name];
    if (typeof value !== "string") continue;
    clauses.push(`${column} = @${name}`);
    params[name] = value;
  }
  if (selection.tagId) {
    clauses.push(`EXISTS (SELECT 1 FROM "AnnotationTag" t WHERE t.annotationId = a.id AND t.tagId = @tagId)`);
    params.tagId = selection.tagId;
  }
  // Timestamps are stored as ISO 8601 text in UTC, so a day range is a string range.
  if (selection.from) {
    clauses.push("a.createdAt >= @from");
    params.from = selection.from;
  }
  if (selection.to) {
    clauses.push("a.createdAt < @toExclusive");
    params.toExclusive = nextDay(selection.to);
  }
  return { sql: clauses.join(" AND "), params };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Chosen documents (at most MAX_SELECTED_DOCUMENTS), or null for the whole workspace. */
function countAnnotations(connection: Database.Database, workspaceId: string, documentIds: readonly string[] | null, filter: SqlFilter): number {
  const scope = documentIds ? `a.documentId IN (${documentIds.map((_, index) => `@d${index}`).join(", ")})` : "a.workspaceId = @workspaceId";
  const params = { ...filter.params, workspaceId, ...Object.fromEntries((documentIds ?? []).map((id, index) => [`d${index}`, id])) };
  const row = connection.prepare(`SELECT COUNT(*) AS n FROM "Annotation" a WHERE ${scope} AND ${filter.sql}`).get(params) as { n: number };
  return row.n;
}

/** An annotation's columns as SQLite gives them: the export's plain fields, the author apart. */
type AnnotationRow = Pick<
  ExportAnnotation,
  "id" | "documentId" | "start" | "end" | "exact" | "prefix" | "suffix" | "kind" | "verdict" | "confidence" | "note" | "visibility" | "anchorStatus" | "createdAt" | "updatedAt"
> & {
  techniqueId: string | null;
  authorId: string;
  authorName: string;
  originalAuthorName: string | null;
};

interface ReplyRow {
  id: string;
  annotationId: string;
  body: string;
  createdAt: string;
  authorId: string;
  authorName: string;
  originalAuthorName: string | null;
}

/** A batch's tags and replies, by one statement each, prepared once: the ids go in as a JSON array. */
function prepareLookups(connection: Database.Database) {
  const tags = connection.prepare(`SELECT annotationId, tagId FROM "AnnotationTag" WHERE annotationId IN (SELECT value FROM json_each(?))`);
  const replies = connection.prepare(
    `SELECT r.id, r.annotationId, r.body, r.createdAt, r.authorId, u.name AS authorName, r.originalAuthorName
     FROM "AnnotationReply" r JOIN "User" u ON u.id = r.authorId
     WHERE r.annotationId IN (SELECT value FROM json_each(?)) ORDER BY r.createdAt, r.id`,
  );
  return {
    tags: (ids: string) => tags.all(ids) as { annotationId: string; tagId: string }[],
    replies: (ids: string) => replies.all(ids) as ReplyRow[],
  };
}

function toAnnotations(lookups: ReturnType<typeof prepareLookups>, rows: readonly AnnotationRow[], tagsById: Map<string, TagRow>): ExportAnnotation[] {
  const ids = JSON.stringify(rows.map((row) => row.id));
  const tagLinks = lookups.tags(ids);
  const replyRows = lookups.replies(ids);

  const tagsOf = groupBy(tagLinks, (link) => link.annotationId);
  const repliesOf = groupBy(replyRows, (reply) => reply.annotationId);
  return rows.map((row) => {
    const technique = row.techniqueId ? tagsById.get(row.techniqueId) : undefined;
    const tags = (tagsOf.get(row.id) ?? [])
      .map((link) => tagsById.get(link.tagId))
      .filter((tag): tag is TagRow => tag !== undefined)
      .map((tag) => ({ key: tag.key, name: tag.name }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const replies: ExportReply[] = (repliesOf.get(row.id) ?? []).map((reply) => ({
      id: reply.id,
      body: reply.body,
      author: { id: reply.authorId, name: reply.authorName },
      creditedTo: reply.originalAuthorName,
      createdAt: fromStoredDate(reply.createdAt),
    }));
    return {
      id: row.id,
      documentId: row.documentId,
      start: row.start,
      end: row.end,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      kind: row.kind,
      technique: technique ? { key: technique.key, name: technique.name } : null,
      verdict: row.verdict,
      confidence: row.confidence,
      note: row.note,
      visibility: row.visibility,
      tags,
      author: { id: row.authorId, name: row.authorName },
      creditedTo: row.originalAuthorName,
      anchorStatus: row.anchorStatus,
      createdAt: fromStoredDate(row.createdAt),
      updatedAt: fromStoredDate(row.updatedAt),
      replies,
    };
  });
}

interface LinkRow {
  id: string;
  sourceAnnotationId: string;
  targetAnnotationId: string;
  type: LinkType;
  note: string;
  verdict: ContradictionVerdict | null;
  verdictRationale: string;
  authorId: string;
  authorName: string;
  originalAuthorName: string | null;
  verdictById: string | null;
  verdictByName: string | null;
  createdAt: string;
}

function readLinks(connection: Database.Database, workspaceId: string, exported: ReadonlySet<string>): ExportLink[] {
  if (exported.size === 0) return [];
  const rows = connection
    .prepare(
      `SELECT l.id, l.sourceAnnotationId, l.targetAnnotationId, l.type, l.note, l.verdict, l.verdictRationale, l.createdAt,
              l.authorId, u.name AS authorName, l.originalAuthorName, l.verdictById, v.name AS verdictByName
       FROM "AnnotationLink" l JOIN "User" u ON u.id = l.authorId LEFT JOIN "User" v ON v.id = l.verdictById
       WHERE l.workspaceId = ? ORDER BY l.createdAt, l.id`,
    )
    .all(workspaceId) as LinkRow[];
  // A link travels only with both of its annotations: that is also what keeps a link to a
  // private annotation of someone else out of the export.
  return rows
    .filter((row) => exported.has(row.sourceAnnotationId) && exported.has(row.targetAnnotationId))
    .map((row) => ({
      id: row.id,
      sourceAnnotationId: row.sourceAnnotationId,
      targetAnnotationId: row.targetAnnotationId,
      type: row.type,
      note: row.note,
      verdict: row.verdict,
      verdictRationale: row.verdictRationale,
      author: { id: row.authorId, name: row.authorName },
      creditedTo: row.originalAuthorName,
      verdictBy: row.verdictById && row.verdictByName !== null ? { id: row.verdictById, name: row.verdictByName } : null,
      createdAt: fromStoredDate(row.createdAt),
    }));
}

/** Reads every batch into one array: for formats that lay out the whole set at once (the report, a single TEI document). */
export async function readAllAnnotations(reader: ExportReader): Promise<ExportAnnotation[]> {
  const all: ExportAnnotation[] = [];
  for await (const batch of reader.annotationBatches()) all.push(...batch);
  return all;
}
