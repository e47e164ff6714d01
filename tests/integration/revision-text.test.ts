import { beforeAll, describe, expect, it } from "vitest";
import { GET as getRevisionTextRoute } from "@/app/api/revisions/[revisionId]/text/route";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { REVISION_TEXT_CACHE_CONTROL } from "@/lib/documents/revision-text-response";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, TEST_PASSWORD } from "@/tests/factories";
import { CookieJar, routeParams, signIn, siteRequest } from "./http-harness";

const db = getDb();
const TEXT = "Delegates numbered 1,306 in all.\n\nThe vote was unanimous.";

function getText(revisionId: string, jar?: CookieJar, headers: Record<string, string> = {}) {
  return getRevisionTextRoute(siteRequest(`/api/revisions/${encodeURIComponent(revisionId)}/text`, { jar, headers }), routeParams({ revisionId }));
}

async function revisionIdOf(documentId: string, number: number): Promise<string> {
  return (await db.documentRevision.findFirstOrThrow({ where: { documentId, number }, select: { id: true } })).id;
}

describe("GET /api/revisions/:revisionId/text (the reader's immutable text)", () => {
  let student: SessionUser;
  let outsider: SessionUser;
  let documentId: string;
  let firstRevisionId: string;
  let studentJar: CookieJar;
  let outsiderJar: CookieJar;

  beforeAll(async () => {
    const owner = await createTestUser(db);
    [student, outsider] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, student.id, "STUDENT");
    documentId = (await createTestDocument(db, owner, workspaceId, { text: TEXT })).id;
    firstRevisionId = await revisionIdOf(documentId, 1);
    await reviseDocumentText(db, { actor: owner, documentId, input: { baseRevisionId: firstRevisionId, text: `${TEXT}\n\nAdded later.` } });
    [studentJar, outsiderJar] = await Promise.all([signIn(student.email, TEST_PASSWORD), signIn(outsider.email, TEST_PASSWORD)]);
  });

  it("gives any member the revision's text and page breaks, cacheable for good by its id", async () => {
    const response = await getText(firstRevisionId, studentJar);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe(REVISION_TEXT_CACHE_CONTROL);
    expect(response.headers.get("etag")).toBe(`"${firstRevisionId}"`);
    expect(response.headers.get("vary")).toBe("Cookie");
    expect(await response.json()).toEqual({ revisionId: firstRevisionId, text: TEXT, pageBreaks: [] });
  });

  it("serves each revision as it was written: the newer one has the added text", async () => {
    const second = await revisionIdOf(documentId, 2);
    const body = (await (await getText(second, studentJar)).json()) as { text: string };
    expect(body.text).toBe(`${TEXT}\n\nAdded later.`);
  });

  it("answers 304 without the text when the browser already holds that revision", async () => {
    const response = await getText(firstRevisionId, studentJar, { "if-none-match": `W/"other", "${firstRevisionId}"` });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect((await getText(firstRevisionId, studentJar, { "if-none-match": '"other"' })).status).toBe(200);
  });

  it("checks access on every request, a 304 included: an outsider gets 404 as for a missing revision", async () => {
    for (const headers of [{}, { "if-none-match": `"${firstRevisionId}"` }] as Record<string, string>[]) {
      const response = await getText(firstRevisionId, outsiderJar, headers);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBeNull();
      expect(JSON.stringify(await response.json())).not.toContain("Delegates");
    }
    expect((await getText("no-such-revision", studentJar)).status).toBe(404);
  });

  it("refuses a signed-out request and a malformed id with a 4xx JSON error", async () => {
    expect((await getText(firstRevisionId)).status).toBe(401);
    const malformed = await getRevisionTextRoute(siteRequest("/api/revisions/%25FF/text", { jar: studentJar }), routeParams({ revisionId: "%FF%FE" }));
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
