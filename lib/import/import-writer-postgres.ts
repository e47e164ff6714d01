import { AppError } from "../errors";
import { PostgresStatements, writePostgres } from "../postgres/postgres-connection";
import { bindPostgres, toPostgresSql } from "../postgres/postgres-sql";
import { foldsOf } from "../search/fold-search-text";
import type { DocumentTextToIndex } from "../search/index-document-text";
import { searchBlocks } from "../search/search-blocks";
import type { ImportReport } from "./import-plan";
import {
  CURRENT_REVISION_SQL,
  IMPORT_FORBIDDEN,
  revisedMeanwhile,
  ROLE_SQL,
  WORKSPACE_TAGS_SQL,
  writePlan,
  type ExistingTag,
  type ImportWriter,
  type WriteInput,
} from "./apply-import";

/** PostgreSQL takes at most 65,535 bound values per statement. */
const MAX_VALUES = 60_000;

const SEARCH_BLOCK_SQL = `INSERT INTO "SearchEntry" (workspaceId, source, refId, documentId, blockIndex, blockStart, blockEnd, heading, folds, body) VALUES (?, 'BLOCK', ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * PostgreSQL's twin of the import's write step: the same plan writer (writePlan) in one transaction;
 * its statements are collected, then sent as multi-row INSERTs, table by table in the order they
 * first appear (documents, revisions, search blocks, tags, annotations, their tags, replies, links:
 * every row after the rows it refers to). The role and the texts' revisions are checked inside the
 * transaction first, with the membership row locked, as the SQLite writer does under its write lock.
 */
export async function writeImportPostgres(input: WriteInput): Promise<ImportReport> {
  return writePostgres(async (sql) => {
    const membership = await sql.get<{ role: string }>(`${ROLE_SQL} FOR SHARE`, [input.actorId, input.workspaceId]);
    if (membership?.role !== "OWNER" && membership?.role !== "EDITOR") throw new AppError("FORBIDDEN", IMPORT_FORBIDDEN);
    for (const { existing, title } of input.texts.values()) {
      if (!existing) continue;
      const current = await sql.get<{ id: string }>(`${CURRENT_REVISION_SQL} FOR SHARE OF d`, [existing.documentId, input.workspaceId]);
      if (current?.id !== existing.revisionId) throw revisedMeanwhile(title);
    }
    const tags = await sql.all<ExistingTag>(WORKSPACE_TAGS_SQL, [input.workspaceId]);
    const collected = new Map<string, (Record<string, unknown> | unknown[])[]>();
    const writer: ImportWriter = {
      run: (text, values) => {
        const rows = collected.get(text);
        if (rows) rows.push(values);
        else collected.set(text, [values]);
      },
      workspaceTags: () => tags,
      indexText: (document) => collectSearchBlocks(writer, document),
    };
    const report = writePlan(writer, input);
    for (const [text, rows] of collected) await insertRows(sql, text, rows);
    return report;
  });
}

function collectSearchBlocks(writer: ImportWriter, document: DocumentTextToIndex): void {
  for (const block of searchBlocks(document.text)) {
    const folds = foldsOf(block.text);
    writer.run(SEARCH_BLOCK_SQL, [document.workspaceId, document.revisionId, document.documentId, block.index, block.start, block.end, block.heading, folds ? JSON.stringify(folds) : null, block.text]);
  }
}

/** One `INSERT … VALUES (…)` statement run for many rows, as few multi-row INSERTs. */
async function insertRows(sql: PostgresStatements, text: string, rows: (Record<string, unknown> | unknown[])[]): Promise<void> {
  const statement = toPostgresSql(text);
  const match = /^([\s\S]*\bVALUES\s*)(\([\s\S]*\))\s*$/.exec(statement.text);
  if (!match) throw new Error(`not a one-row INSERT: ${text.slice(0, 60)}`);
  const [, head = "", tuple = ""] = match;
  const width = statement.parameters.length;
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / Math.max(1, width)));
  for (let from = 0; from < rows.length; from += perStatement) {
    const batch = rows.slice(from, from + perStatement);
    const tuples = batch.map((_, row) => tuple.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + row * width}`));
    await sql.client.query(`${head}${tuples.join(", ")}`, batch.flatMap((values) => bindPostgres(statement, values)));
  }
}
