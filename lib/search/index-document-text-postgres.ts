import type { DbClient } from "../db";
import { foldsOf } from "./fold-search-text";
import type { DocumentTextToIndex } from "./index-document-text";
import { searchBlocks, type SearchBlock } from "./search-blocks";

/** Rows per statement: 10 values a row, well under PostgreSQL's 65,535 bound values. */
const BATCH = 500;

const COLUMNS = `"workspaceId", "source", "refId", "documentId", "blockIndex", "blockStart", "blockEnd", "heading", "folds", "body"`;

function rowValues(document: DocumentTextToIndex, block: SearchBlock): unknown[] {
  const folds = foldsOf(block.text);
  return [document.workspaceId, "BLOCK", document.revisionId, document.documentId, block.index, block.start, block.end, block.heading, folds ? JSON.stringify(folds) : null, block.text];
}

/**
 * PostgreSQL's twin of indexDocumentText: the blocks of the document's current text into SearchEntry,
 * whose generated "words" column (prisma/postgresql/migrations/*_search_index) folds and indexes them.
 * Through Prisma, so it joins the caller's transaction.
 */
export async function indexDocumentTextPostgres(db: DbClient, document: DocumentTextToIndex): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "SearchEntry" WHERE "documentId" = $1 AND "source" = 'BLOCK'`, document.documentId);
  const blocks = searchBlocks(document.text);
  const width = 10;
  for (let from = 0; from < blocks.length; from += BATCH) {
    const batch = blocks.slice(from, from + BATCH);
    const placeholders = batch.map((_, row) => `(${Array.from({ length: width }, (_, column) => `$${row * width + column + 1}`).join(", ")})`);
    await db.$executeRawUnsafe(`INSERT INTO "SearchEntry" (${COLUMNS}) VALUES ${placeholders.join(", ")}`, ...batch.flatMap((block) => rowValues(document, block)));
  }
}
