import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listReadingAnnotations } from "@/lib/annotations/list-reading-annotations";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { getDocumentPage } from "@/lib/documents/get-document-page";
import { getReliabilitySummary } from "@/lib/documents/get-reliability-summary";
import { listDocuments } from "@/lib/documents/list-documents";
import { rateDocumentReliability } from "@/lib/documents/rate-document-reliability";
import { createLink } from "@/lib/links/create-link";
import { listDocumentLinks } from "@/lib/links/list-document-links";
import { setLinkVerdict } from "@/lib/links/set-link-verdict";
import { addReply } from "@/lib/replies/add-reply";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import { listWorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase } from "@/tests/factories";
import { rejection } from "./rejection";

const db = getDb();

describe("getDocumentPage (the document page's one read)", () => {
  let owner: SessionUser;
  let member: SessionUser;
  let outsider: SessionUser;
  let documentId: string;

  beforeAll(async () => {
    [owner, member, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, member.id, "EDITOR");
    documentId = (await createTestDocument(db, owner, workspaceId, { title: "Report No. 10", text: "Delegates numbered 1,306 in all, and the hall was full.\n\nThe vote was unanimous." })).id;
    const otherId = (await createTestDocument(db, owner, workspaceId, { title: "report no. 9", text: "Only 600 delegates came, and the vote was split." })).id;
    const tag = await createCustomTag(db, { actor: owner, workspaceId, input: { name: "Figures" } });
    const technique = await db.tag.findFirstOrThrow({ where: { workspaceId, category: "TECHNIQUE" } });
    const claim = await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "1,306")), kind: "CLAIM", verdict: "DISPUTED", confidence: 30, tagIds: [tag.id], note: "check" } });
    await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "Delegates numbered 1,306")), kind: "BIAS_MARKER", techniqueId: technique.id } });
    await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "the hall was full")), kind: "CLAIM", visibility: "PRIVATE" } });
    const vote = await createAnnotation(db, { actor: member, documentId, input: { ...(await selectPhrase(db, documentId, "unanimous")), kind: "CLAIM", verdict: "CORROBORATED" } });
    const other = await createAnnotation(db, { actor: owner, documentId: otherId, input: { ...(await selectPhrase(db, otherId, "600 delegates")), kind: "CONTRADICTION" } });
    const split = await createAnnotation(db, { actor: owner, documentId: otherId, input: { ...(await selectPhrase(db, otherId, "split")), kind: "CLAIM" } });
    const link = await createLink(db, { actor: owner, input: { sourceAnnotationId: claim.id, targetAnnotationId: other.id, type: "CONTRADICTS", note: "numbers differ" } });
    await setLinkVerdict(db, { actor: owner, linkId: link.id, input: { verdict: "SECOND_MORE_RELIABLE", rationale: "minutes" } });
    await createLink(db, { actor: member, input: { sourceAnnotationId: split.id, targetAnnotationId: vote.id, type: "CONTRADICTS" } });
    await addReply(db, { actor: member, annotationId: claim.id, input: { body: "Source?" } });
    await rateDocumentReliability(db, { actor: owner, documentId, input: { rating: 2, reason: "Inflated figures" } });
  });

  it.each([
    ["the owner", () => owner],
    ["a member", () => member],
  ])("shows %s what the separate services show", async (_who, actorOf) => {
    const actor = actorOf();
    const page = await getDocumentPage({ actor, documentId });
    const document = await getDocument(db, { actor, documentId });
    expect(page.document).toEqual({
      id: document.id,
      title: document.title,
      authors: document.authors,
      dateText: document.dateText,
      place: document.place,
      sourceKind: document.sourceKind,
      genre: document.genre,
      language: document.language,
      provenance: document.provenance,
      notes: document.notes,
      containerTitle: document.containerTitle,
      publisher: document.publisher,
      publisherPlace: document.publisherPlace,
      edition: document.edition,
      volume: document.volume,
      issue: document.issue,
      pages: document.pages,
      url: document.url,
      archiveLocation: document.archiveLocation,
      createdAt: document.createdAt,
      createdBy: document.createdBy,
      workspace: document.workspace,
      role: document.role,
      revision: { id: document.revision.id, number: document.revision.number, text: document.revision.text, words: document.revision.text.split(/\s+/).filter(Boolean).length, pageBreaks: document.revision.pageBreaks },
      annotationCount: document.annotationCount,
    });
    expect(page.annotations).toEqual(await listReadingAnnotations(db, { actor, documentId }));
    expect(page.tags).toEqual(await listWorkspaceTags(db, { actor, workspaceId: document.workspace.id }));
    expect(page.links).toEqual(await listDocumentLinks(db, { actor, documentId }));
    expect(page.documents).toEqual((await listDocuments(db, { actor, workspaceId: document.workspace.id, sort: "title" })).map(({ id, title }) => ({ id, title })));
    expect(page.reliability).toEqual(await getReliabilitySummary(db, { actor, documentId }));
  });

  it("holds the links, the contradiction verdict and the manual rating", async () => {
    const page = await getDocumentPage({ actor: owner, documentId });
    expect(page.links).toHaveLength(2);
    expect(page.reliability.manual).toMatchObject({ rating: 2, reason: "Inflated figures" });
    expect(page.reliability.contradictions).toEqual({ total: 2, unresolved: 1 });
    expect(page.documents.map((d) => d.title)).toEqual(["report no. 9", "Report No. 10"]);
  });

  it("keeps another person's private annotations out", async () => {
    const page = await getDocumentPage({ actor: member, documentId });
    expect(page.annotations.map((a) => a.exact)).not.toContain("the hall was full");
    expect(page.document.annotationCount).toBe(3);
  });

  it("answers NOT_FOUND to someone outside the workspace and for a missing document", async () => {
    expect(await rejection(getDocumentPage({ actor: outsider, documentId }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(getDocumentPage({ actor: owner, documentId: "no-such-document" }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("sees a change made after an earlier read (the connection is kept, the data is not)", async () => {
    const before = await getDocumentPage({ actor: owner, documentId });
    await db.document.update({ where: { id: documentId }, data: { title: "Report No. 10 (revised)" } });
    const after = await getDocumentPage({ actor: owner, documentId });
    expect(after.document.title).toBe("Report No. 10 (revised)");
    expect(after.document.revision.text).toBe(before.document.revision.text);
  });
});
