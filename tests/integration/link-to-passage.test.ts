import { beforeAll, describe, expect, it } from "vitest";
import { POST as linkToPassageRoute } from "@/app/api/annotations/[annotationId]/links/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { createDocument } from "@/lib/documents/create-document";
import { readPastedText } from "@/lib/documents/read-document-text";
import { linkToPassage } from "@/lib/links/link-to-passage";
import { searchWorkspace } from "@/lib/search/search-workspace";
import { suggestLinks } from "@/lib/search/suggest-links";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase, TEST_PASSWORD } from "@/tests/factories";
import { routeParams, signIn, siteRequest, type CookieJar } from "./http-harness";
import { rejection } from "./rejection";

const db = getDb();

describe("linking a claim to a passage in one request", () => {
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let workspaceId: string;
  let claimDocument: string;
  let paged: string;
  let claimId: string;
  let jar: CookieJar;

  const annotationCount = async (documentId: string) => db.annotation.count({ where: { documentId } });

  beforeAll(async () => {
    [owner, editor, viewer] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, editor.id, "EDITOR");
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    claimDocument = (await createTestDocument(db, owner, workspaceId, { title: "Count", text: "The congress had 1,306 delegates with a vote." })).id;
    const text = "Stenographic report\n\nOver 1,300 delegates came to Moscow.\n\nThe weather was cold in Kolomna.";
    paged = (
      await createDocument(db, {
        actor: owner,
        workspaceId,
        metadata: { title: "Minutes" },
        content: readPastedText(text),
        pageBreaks: [
          { offset: 0, label: "11" },
          { offset: text.indexOf("The weather"), label: "12" },
        ],
      })
    ).id;
    claimId = (await createAnnotation(db, { actor: editor, documentId: claimDocument, input: { ...(await selectPhrase(db, claimDocument, "The congress had 1,306 delegates")), kind: "CLAIM" } })).id;
    jar = await signIn(editor.email, TEST_PASSWORD);
  });

  it("annotates the words and links them through the route, 201, in one request", async () => {
    const before = await annotationCount(paged);
    const target = await selectPhrase(db, paged, "Over 1,300 delegates came to Moscow.");
    const response = await linkToPassageRoute(
      siteRequest(`/api/annotations/${claimId}/links`, { method: "POST", jar, json: { type: "CONTRADICTS", target: { documentId: paged, ...target } } }),
      routeParams({ annotationId: claimId }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { link: { type: string; source: { id: string }; target: { id: string; exact: string } }; annotation: { id: string; kind: string } };
    expect(body.link).toMatchObject({ type: "CONTRADICTS", source: { id: claimId }, target: { exact: "Over 1,300 delegates came to Moscow." } });
    expect(body.annotation).toMatchObject({ id: body.link.target.id, kind: "CLAIM" });
    expect(await annotationCount(paged)).toBe(before + 1);
  });

  it("links to an annotation already there, and refuses a second link of the same pair with 409", async () => {
    const existing = await createAnnotation(db, { actor: editor, documentId: paged, input: { ...(await selectPhrase(db, paged, "The weather was cold")), kind: "CLAIM" } });
    const made = await linkToPassage(db, { actor: editor, sourceAnnotationId: claimId, input: { type: "CORROBORATES", target: { annotationId: existing.id } } });
    expect(made.annotation).toBeNull();
    expect(made.link.target.id).toBe(existing.id);
    expect((await rejection(linkToPassage(db, { actor: editor, sourceAnnotationId: existing.id, input: { type: "CORROBORATES", target: { annotationId: claimId } } }))).code).toBe("CONFLICT");
  });

  it("leaves no annotation behind when the link is refused", async () => {
    const target = await selectPhrase(db, paged, "cold in Kolomna");
    const before = await annotationCount(paged);
    // A viewer may not link: the words are not annotated either.
    expect((await rejection(linkToPassage(db, { actor: viewer, sourceAnnotationId: claimId, input: { type: "CONTRADICTS", target: { documentId: paged, ...target } } }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
    // The owner may annotate the words, but the source is someone else's private annotation: refused after the annotation was written, which is rolled back.
    const privateClaim = await createAnnotation(db, { actor: editor, documentId: claimDocument, input: { ...(await selectPhrase(db, claimDocument, "with a vote")), kind: "CLAIM", visibility: "PRIVATE" } });
    expect((await rejection(linkToPassage(db, { actor: owner, sourceAnnotationId: privateClaim.id, input: { type: "CONTRADICTS", target: { documentId: paged, ...target } } }))).code).toBe("NOT_FOUND");
    expect(await annotationCount(paged)).toBe(before);
  });

  it("answers bad input with a clear 4xx, never a 500", async () => {
    const post = (json: unknown, annotationId = claimId) => linkToPassageRoute(siteRequest(`/api/annotations/${annotationId}/links`, { method: "POST", jar, json }), routeParams({ annotationId }));
    const target = await selectPhrase(db, paged, "Stenographic report");
    const answers = await Promise.all([
      post({ type: "CONTRADICTS" }),
      post({ type: "LOVES", target: { annotationId: claimId } }),
      post({ type: "CONTRADICTS", target: { documentId: paged, ...target, exact: "Something else" } }),
      post({ type: "CONTRADICTS", target: { documentId: paged, ...target, revisionId: "stale" } }),
      post({ type: "CONTRADICTS", target: { annotationId: claimId } }),
      post({ type: "CONTRADICTS", target: { annotationId: "nope" } }, "missing"),
      post("not an object"),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(((await answer.json()) as { error: string }).error).toBeTruthy();
    }
    expect(answers[0]!.status).toBe(422);
    expect(answers[3]!.status).toBe(409);
  });

  it("gives search hits and suggestions the page of the source they are on", async () => {
    const result = await searchWorkspace(db, { actor: viewer, workspaceId, input: { q: "Kolomna", scope: "text" } });
    expect(result.groups.flatMap((group) => group.hits.map((hit) => hit.page))).toEqual(["12"]);
    const delegates = await searchWorkspace(db, { actor: viewer, workspaceId, input: { q: "delegates", scope: "text" } });
    const pages = new Map(delegates.groups.map((group) => [group.document.id, group.hits.map((hit) => hit.page)]));
    expect(pages.get(paged)).toEqual(["11"]);
    expect(pages.get(claimDocument)).toEqual([null]);
    // An annotation's hit: the claim made through the route above sits on page 11.
    const annotations = await searchWorkspace(db, { actor: viewer, workspaceId, input: { q: "Moscow", scope: "annotations" } });
    expect(annotations.groups.flatMap((group) => group.hits.map((hit) => hit.page))).toEqual(["11"]);
    const suggested = await suggestLinks(db, { actor: viewer, annotationId: claimId });
    expect(suggested.suggestions.find((s) => s.document.id === paged)?.hit.page).toBe("11");
  });
});
