import { currentDatabaseEngine } from "../database-engine";
import { AppError } from "../errors";
import { readPostgresSnapshot } from "../postgres/postgres-connection";
import { readConnection } from "../sqlite-read-connection";
import { readPageBreaks, type PageBreak } from "./page-breaks";
import { revisionTextFromCache, revisionTextFromCacheAsync } from "./revision-text-cache";

const NOT_FOUND = "That text does not exist or you do not have access to it.";

// The revision, if the actor is a member of its document's workspace (any role reads the text):
// one row, or none, so a revision the actor may not read looks like one that does not exist.
const REVISION_SQL = `
  SELECT r.id, r.pageBreaks
  FROM "DocumentRevision" r
    JOIN "Document" d ON d.id = r.documentId
    JOIN "Membership" m ON m.workspaceId = d.workspaceId AND m.userId = @userId
  WHERE r.id = @revisionId`;

export interface RevisionText {
  revisionId: string;
  text: string;
  pageBreaks: PageBreak[];
}

/**
 * One text revision as the reading view loads it: the text and where the source's pages start.
 * A revision never changes once written, so callers may cache the answer by revision id for as
 * long as they like; only access is checked on every call.
 */
export async function getRevisionText({ actor, revisionId, databaseFile }: { actor: { id: string }; revisionId: string; databaseFile?: string }): Promise<RevisionText> {
  if (currentDatabaseEngine() === "postgresql") return getRevisionTextPostgres(actor.id, revisionId);
  return readConnection(databaseFile).read((connection) => {
    const row = connection.statement(REVISION_SQL).get({ revisionId, userId: actor.id }) as { id: string; pageBreaks: string } | undefined;
    if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
    const text = revisionTextFromCache(row.id, () => {
      const stored = connection.statement(`SELECT text FROM "DocumentRevision" WHERE id = ?`).pluck(true).get(row.id);
      if (typeof stored !== "string") throw new AppError("NOT_FOUND", NOT_FOUND);
      return stored;
    });
    return { revisionId: row.id, text, pageBreaks: readPageBreaks(parseStored(row.pageBreaks), text.length) };
  });
}

/** PostgreSQL's twin: the same statement (translated by PostgresStatements), the same per-revision text cache. */
function getRevisionTextPostgres(userId: string, revisionId: string): Promise<RevisionText> {
  return readPostgresSnapshot(async (statements) => {
    const row = await statements.get<{ id: string; pageBreaks: unknown }>(REVISION_SQL, { revisionId, userId });
    if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
    const text = await revisionTextFromCacheAsync(row.id, async () => {
      const stored = await statements.get<{ text: string }>(`SELECT text FROM "DocumentRevision" WHERE id = ?`, [row.id]);
      if (stored === undefined) throw new AppError("NOT_FOUND", NOT_FOUND);
      return stored.text;
    });
    return { revisionId: row.id, text, pageBreaks: readPageBreaks(parseStored(row.pageBreaks), text.length) };
  });
}

/** The stored JSON: text from SQLite, already parsed from PostgreSQL's jsonb. */
function parseStored(stored: unknown): unknown {
  if (typeof stored !== "string") return stored;
  try {
    return JSON.parse(stored);
  } catch {
    return null;
  }
}
