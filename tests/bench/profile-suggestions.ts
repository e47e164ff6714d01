// Where the time of suggested links and of a search page goes, phase by phase, on the search
// bench's database: `npx tsx tests/bench/profile-suggestions.ts [database file]` after
// `npx tsx tests/bench/measure-search.ts` (default: data/bench/search/search.db).
import path from "node:path";
import Database from "better-sqlite3";
import { createDatabaseClient } from "../../lib/db";
import { claimQuery, claimTerms } from "../../lib/search/claim-terms";
import { suggestLinks } from "../../lib/search/suggest-links";
import { parseSearchQuery } from "../../lib/search/parse-search-query";
import { searchSql } from "../../lib/search/search-sql";
import { describeHits, findHitRows } from "../../lib/search/search-workspace";
import { percentile, round } from "./stats";

async function main() {
  const file = path.resolve(process.argv[2] ?? "data/bench/search/search.db");
  const db = createDatabaseClient(`file:${file}`);
  const sql = new Database(file, { readonly: true });
  const user = sql.prepare(`SELECT id FROM "User" WHERE email = 'search-bench@workbench.local'`).pluck().get() as string;
  const workspaceId = sql.prepare(`SELECT id FROM "Workspace" LIMIT 1`).pluck().get() as string;
  const claims = sql.prepare(`SELECT id, exact FROM "Annotation" WHERE kind = 'CLAIM' LIMIT 2000`).all() as { id: string; exact: string }[];
  const actor = { id: user };
  const total: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 40; i++) {
    const claim = claims[(i * 17) % claims.length]!;
    const match = claimQuery(claimTerms(claim.exact));
    let started = performance.now();
    if (match) sql.prepare(`SELECT rowid FROM "SearchText" WHERE "SearchText" MATCH ? ORDER BY rank LIMIT 25`).all(match);
    bare.push(performance.now() - started);
    started = performance.now();
    await suggestLinks(db, { actor, annotationId: claim.id });
    total.push(performance.now() - started);
  }
  console.log(`suggestions p50 ${round(percentile(total, 50))} p95 ${round(percentile(total, 95))} ms; bare MATCH of all claim terms p50 ${round(percentile(bare, 50))} p95 ${round(percentile(bare, 95))}`);
  const q = ["delegate", "congress", "report*", "\"the party\""];
  for (const text of q) {
    const { match } = parseSearchQuery(text);
    if (!match) continue;
    const s = searchSql({ match, userId: user, workspaceId, filters: { scope: "all" } });
    let started = performance.now();
    sql.prepare(`SELECT rowid FROM "SearchText" WHERE "SearchText" MATCH ? ORDER BY rank LIMIT 20`).all(match);
    const b = performance.now() - started;
    started = performance.now();
    const rows = await findHitRows(db, s, { match, limit: 20, offset: 0 });
    const f = performance.now() - started;
    started = performance.now();
    await describeHits(db, rows);
    const d = performance.now() - started;
    console.log(`${text}: bare ${round(b)} findHitRows ${round(f)} describeHits ${round(d)} ms`);
  }
  sql.close();
  await db.$disconnect();
}
void main();
