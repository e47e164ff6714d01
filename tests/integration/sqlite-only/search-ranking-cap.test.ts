import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { parseSearchQuery } from "@/lib/search/parse-search-query";
import { searchSql } from "@/lib/search/search-sql";
import { findHitRows, searchWorkspace } from "@/lib/search/search-workspace";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace } from "@/tests/factories";

const db = getDb();

/**
 * FTS5's ranking cap (findHitRows' rankedCandidates, over the newest matches by rowid): SQLite's
 * own plan, so this runs in the SQLite suite only; PostgreSQL ranks through its GIN index instead
 * (search-workspace-postgres.ts), and the shared search cases run on both (search.test.ts).
 */
describe("the FTS5 ranking cap", () => {
  let owner: SessionUser;
  let viewer: SessionUser;
  let workspaceId: string;

  beforeAll(async () => {
    [owner, viewer] = await Promise.all([createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
  });

  it("ranks a query matching more rows than the cap over its newest matches, and counts them all", async () => {
    const ids: string[] = [];
    // The longer a block, the lower BM25 ranks it: the newest documents here rank worst.
    for (const [i, text] of ["Samovar.", "A samovar stood there.", "A samovar stood on the long table in the hall.", "In the hall a samovar stood on the long table, cold, for the whole of the evening."].entries()) {
      ids.push((await createTestDocument(db, owner, workspaceId, { title: `Samovar ${i}`, text })).id);
    }
    const { match } = parseSearchQuery("samovar");
    const sql = searchSql({ match: match!, userId: viewer.id, workspaceId, filters: { scope: "text" } });
    const all = await findHitRows(db, sql, { match: match!, limit: 10, offset: 0 });
    expect(all.map((row) => row.documentId)).toEqual(ids);
    const capped = await findHitRows(db, sql, { match: match!, limit: 10, offset: 0, rankedCandidates: 2 });
    expect(capped.map((row) => row.documentId)).toEqual(ids.slice(2));
    expect((await searchWorkspace(db, { actor: viewer, workspaceId, input: { q: "samovar", scope: "text" } })).total).toBe(4);
  });
});
