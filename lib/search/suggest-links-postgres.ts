import type { DbClient } from "../db";
import type { ClaimTerm } from "./claim-terms";
import { fts5ToTsQuery } from "./fts5-to-tsquery";

/**
 * PostgreSQL's twin of the rarity look-up in suggest-links.ts (FTS5's SearchVocab there): how many
 * rows of the index hold each term, counted through the GIN index.
 */
export async function termRowCountsPostgres(db: DbClient, terms: readonly ClaimTerm[]): Promise<number[]> {
  const params: string[] = [];
  const lookups = terms.map((term, index) => {
    const query = fts5ToTsQuery(term.expression, params.length);
    params.push(...query.params);
    return `SELECT ${index} AS i, (SELECT count(*) FROM "SearchEntry" WHERE "words" @@ ${query.sql}) AS n`;
  });
  const rows = await db.$queryRawUnsafe<{ i: number | bigint; n: number | bigint }[]>(lookups.join(" UNION ALL "), ...params);
  const counts: number[] = [];
  for (const row of rows) counts[Number(row.i)] = Number(row.n);
  return counts;
}
