import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listDocumentAnnotations } from "@/lib/annotations/list-document-annotations";
import { listReadingAnnotations } from "@/lib/annotations/list-reading-annotations";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { addReply } from "@/lib/replies/add-reply";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase } from "@/tests/factories";
import { rejection } from "./rejection";

const db = getDb();

describe("listReadingAnnotations (the document page's projection)", () => {
  let owner: SessionUser;
  let member: SessionUser;
  let outsider: SessionUser;
  let documentId: string;

  beforeAll(async () => {
    [owner, member, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db)]);
    const workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, member.id, "EDITOR");
    documentId = (await createTestDocument(db, owner, workspaceId, { title: "Report", text: "Delegates numbered 1,306 in all, and the hall was full." })).id;
    const tag = await createCustomTag(db, { actor: owner, workspaceId, input: { name: "Figures" } });
    const technique = await db.tag.findFirstOrThrow({ where: { workspaceId, category: "TECHNIQUE" } });
    const claim = await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "1,306")), kind: "CLAIM", verdict: "DISPUTED", confidence: 30, tagIds: [tag.id], note: "check" } });
    await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "Delegates numbered 1,306")), kind: "BIAS_MARKER", techniqueId: technique.id } });
    await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "the hall was full")), kind: "CLAIM", visibility: "PRIVATE" } });
    await addReply(db, { actor: member, annotationId: claim.id, input: { body: "Source?" } });
  });

  it("holds what the full view holds for the reading view, in the same order", async () => {
    const full = await listDocumentAnnotations(db, { actor: owner, documentId });
    const reading = await listReadingAnnotations(db, { actor: owner, documentId });
    expect(reading).toEqual(
      full.map(({ documentId: _d, anchorRevisionId: _r, prefix: _p, suffix: _s, technique, ...rest }) => ({
        ...rest,
        technique: technique ? { id: technique.id, name: technique.name, colour: technique.colour } : null,
      })),
    );
    expect(reading.find((a) => a.exact === "1,306")).toMatchObject({ replyCount: 1, tags: [{ name: "Figures" }], verdict: "DISPUTED", confidence: 30 });
  });

  it("leaves out other members' private annotations and refuses outsiders", async () => {
    expect((await listReadingAnnotations(db, { actor: member, documentId })).map((a) => a.exact)).not.toContain("the hall was full");
    expect(await listReadingAnnotations(db, { actor: owner, documentId })).toHaveLength(3);
    expect(await rejection(listReadingAnnotations(db, { actor: outsider, documentId }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
