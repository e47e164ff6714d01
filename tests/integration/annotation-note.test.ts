import { beforeAll, describe, expect, it } from "vitest";
import { GET as getNoteRoute } from "@/app/api/annotations/[annotationId]/note/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getDocumentPage } from "@/lib/documents/get-document-page";
import { fromPackedJson, NOTE_OPENING_CHARS, toPackedJson } from "@/lib/annotations/packed-reading-annotations";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase, TEST_PASSWORD } from "@/tests/factories";
import { CookieJar, routeParams, signIn, signOut, siteRequest } from "./http-harness";

const db = getDb();
const TEXT = "The congress opened on 18 December 1925. Delegates numbered 1,306 in all.";
// A note of pages, as a student writing an essay in the margin would leave.
const LONG_NOTE = Array.from({ length: 60 }, (_, i) => `Point ${i + 1}: the figure is not in the stenographic report.`).join(" ");

function getNote(annotationId: string, jar?: CookieJar) {
  return getNoteRoute(siteRequest(`/api/annotations/${encodeURIComponent(annotationId)}/note`, { jar }), routeParams({ annotationId }));
}

describe("long notes: the page sends their opening, GET /api/annotations/:id/note the rest", () => {
  let author: SessionUser;
  let member: SessionUser;
  let outsider: SessionUser;
  let documentId: string;
  let shared: string;
  let hidden: string;
  let memberJar: CookieJar;
  let outsiderJar: CookieJar;

  beforeAll(async () => {
    [author, member, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const workspaceId = (await createTestWorkspace(db, author)).id;
    await addTestMember(db, workspaceId, member.id, "VIEWER");
    documentId = (await createTestDocument(db, author, workspaceId, { text: TEXT })).id;
    const span = await selectPhrase(db, documentId, "1,306 in all");
    shared = (await createAnnotation(db, { actor: author, documentId, input: { ...span, kind: "CLAIM", note: LONG_NOTE } })).id;
    hidden = (await createAnnotation(db, { actor: author, documentId, input: { ...span, kind: "CLAIM", note: LONG_NOTE, visibility: "PRIVATE" } })).id;
    [memberJar, outsiderJar] = await Promise.all([signIn(member.email, TEST_PASSWORD), signIn(outsider.email, TEST_PASSWORD)]);
  });

  it("the document page carries the opening of a long note, flagged", async () => {
    const page = await getDocumentPage({ actor: member, documentId });
    const [reading] = fromPackedJson(toPackedJson(page.annotations, page.document.revision.text), page.document.revision.text);
    expect(LONG_NOTE.length).toBeGreaterThan(NOTE_OPENING_CHARS * 5);
    expect(reading).toMatchObject({ id: shared, noteIsOpening: true, note: LONG_NOTE.slice(0, NOTE_OPENING_CHARS) });
  });

  it("gives a member the whole note", async () => {
    const response = await getNote(shared, memberJar);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: shared, note: LONG_NOTE });
  });

  it("hides another's private note and outsiders' requests behind the same 404", async () => {
    for (const [id, jar] of [[hidden, memberJar], [shared, outsiderJar], ["no-such-annotation", memberJar]] as const) {
      const response = await getNote(id, jar);
      expect(response.status).toBe(404);
      expect(JSON.stringify(await response.json())).not.toContain("Point 1");
    }
  });

  it("refuses malformed ids with a 4xx and the signed-out with 401", async () => {
    const malformed = await getNoteRoute(siteRequest("/api/annotations/%FF%FE/note", { jar: memberJar }), routeParams({ annotationId: "%FF%FE" }));
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect((await getNote(shared)).status).toBe(401);
    const jar = await signIn(member.email, TEST_PASSWORD);
    await signOut(jar);
    expect((await getNote(shared, jar)).status).toBe(401);
  });
});
