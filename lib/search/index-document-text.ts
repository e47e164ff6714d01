import type { Db, DbClient } from "../db";
import type { SqliteConnection } from "../sqlite-connection";
import { foldSearchText, foldsOf } from "./fold-search-text";
import { searchBlocks, type SearchBlock } from "./search-blocks";
import { currentDatabaseEngine } from "../database-engine";
import { indexDocumentTextPostgres } from "./index-document-text-postgres";

/**
 * Puts a document's current text into the search index, one row per block, replacing the rows of
 * its previous text. Called inside the transaction that writes the text (createDocument,
 * reviseDocumentText, the import writer), so the index never holds a text the database does not.
 * Annotations, replies and links are indexed by the triggers of the search_index migration.
 */
export interface DocumentTextToIndex {
  workspaceId: string;
  documentId: string;
  revisionId: string;
  text: string;
}

const DELETE_BLOCKS = `DELETE FROM "SearchEntry" WHERE "documentId" = ? AND "source" = 'BLOCK'`;
const ENTRY_COLUMNS = `"workspaceId", "source", "refId", "documentId", "blockIndex", "blockStart", "blockEnd", "heading", "folds"`;
/** Rows per statement: well under SQLite's limit of 32,766 bound values. */
const BATCH = 200;

function entryValues(document: DocumentTextToIndex, block: SearchBlock): unknown[] {
  const folds = foldsOf(block.text);
  return [document.workspaceId, "BLOCK", document.revisionId, document.documentId, block.index, block.start, block.end, block.heading, folds ? JSON.stringify(folds) : null];
}

/** Through Prisma (a client or an interactive transaction). */
export async function indexDocumentText(db: DbClient, document: DocumentTextToIndex): Promise<void> {
  if (currentDatabaseEngine() === "postgresql") return indexDocumentTextPostgres(db, document);
  await db.$executeRawUnsafe(DELETE_BLOCKS, document.documentId);
  const blocks = searchBlocks(document.text);
  for (let from = 0; from < blocks.length; from += BATCH) {
    const batch = blocks.slice(from, from + BATCH);
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; blockIndex: number | bigint }[]>(
      `INSERT INTO "SearchEntry" (${ENTRY_COLUMNS}) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")} RETURNING "id", "blockIndex"`,
      ...batch.flatMap((block) => entryValues(document, block)),
    );
    // RETURNING's order is not promised: match rows to blocks by their index.
    const idByIndex = new Map(rows.map((row) => [Number(row.blockIndex), Number(row.id)]));
    await db.$executeRawUnsafe(
      `INSERT INTO "SearchText" (rowid, body, note) VALUES ${batch.map(() => "(?, ?, '')").join(", ")}`,
      ...batch.flatMap((block) => [idByIndex.get(block.index), foldSearchText(block.text)]),
    );
  }
}

/** Through a better-sqlite3 connection, for the bulk writers (the import) that bypass Prisma. */
export function indexDocumentTextSync(sql: SqliteConnection, document: DocumentTextToIndex): void {
  sql.prepare(DELETE_BLOCKS).run(document.documentId);
  const insertEntry = sql.prepare(`INSERT INTO "SearchEntry" (${ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertText = sql.prepare(`INSERT INTO "SearchText" (rowid, body, note) VALUES (?, ?, '')`);
  for (const block of searchBlocks(document.text)) {
    const { lastInsertRowid } = insertEntry.run(...entryValues(document, block));
    insertText.run(lastInsertRowid, foldSearchText(block.text));
  }
}

/**
 * Indexes the current text of every document whose text is not in the index yet: those written
 * before the search index existed. Run at start (prisma/prepare-database.ts); cheap when there are none.
 */
export async function indexUnindexedDocuments(db: Db): Promise<number> {
  const missing = await db.$queryRawUnsafe<{ documentId: string; workspaceId: string; revisionId: string }[]>(
    `SELECT d."id" AS "documentId", d."workspaceId", r."id" AS "revisionId"
     FROM "Document" d JOIN "DocumentRevision" r ON r."documentId" = d."id" AND r."number" = d."currentRevisionNumber"
     WHERE NOT EXISTS (SELECT 1 FROM "SearchEntry" e WHERE e."source" = 'BLOCK' AND e."refId" = r."id")`,
  );
  for (const document of missing) {
    await db.$transaction(async (tx) => {
      const { text } = await tx.documentRevision.findUniqueOrThrow({ where: { id: document.revisionId }, select: { text: true } });
      await indexDocumentText(tx, { ...document, text });
    });
  }
  return missing.length;
}
