import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { deleteDocument } from "@/lib/documents/delete-document";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { createLink } from "@/lib/links/create-link";
import { setLinkVerdict } from "@/lib/links/set-link-verdict";
import { addReply } from "@/lib/replies/add-reply";
import { deleteReply } from "@/lib/replies/delete-reply";
import { searchWorkspace } from "@/lib/search/search-workspace";
import { suggestLinks } from "@/lib/search/suggest-links";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, currentRevision, selectPhrase } from "@/tests/factories";
import { rejection } from "./rejection";

const db = getDb();

describe("searching a workspace", () => {
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let party: string;
  let monograph: string;

  const search = (actor: SessionUser, q: string, extra: Record<string, unknown> = {}, workspace = workspaceId) => searchWorkspace(db, { actor, workspaceId: workspace, input: { q, ...extra } });
  const hitTexts = (result: Awaited<ReturnType<typeof search>>) => result.groups.flatMap((group) => group.hits.map((hit) => hit.snippet?.parts.map((part) => part.text).join("") ?? ""));

  beforeAll(async () => {
    [owner, editor, viewer, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    otherWorkspaceId = (await createTestWorkspace(db, outsider)).id;
    await addTestMember(db, workspaceId, editor.id, "EDITOR");
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    party = (
      await createTestDocument(db, owner, workspaceId, {
        title: "Party history",
        sourceKind: "PRIMARY",
        language: "ru",
        dateText: "1926",
        text: "Fourteenth Congress\n\nThe congress went down in history as the Congress of Industrialization.\n\nСъёмка: Зиновьев и Каменев выступили с содокладом.",
      })
    ).id;
    monograph = (
      await createTestDocument(db, owner, workspaceId, {
        title: "Monograph",
        sourceKind: "SECONDARY",
        language: "en",
        dateText: "1990",
        text: "In fact it was the Fourteenth Conference in April 1925 that decided on industrialization.\n\nThe famine killed 5.2 million people.",
      })
    ).id;
    await createTestDocument(db, outsider, otherWorkspaceId, { title: "Elsewhere", text: "A secret famine ledger kept elsewhere." });
  });

  it("finds a block of text with its heading, the words marked and the words to select", async () => {
    const result = await search(viewer, "industrialization");
    expect(result.total).toBe(2);
    const hit = result.groups.find((group) => group.document.id === party)!.hits[0]!;
    expect(hit.source).toBe("BLOCK");
    expect(hit.block).toMatchObject({ index: 1, heading: "Fourteenth Congress" });
    expect(hit.snippet!.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(["Industrialization"]);
    const { text } = await currentRevision(db, party);
    expect(text.slice(hit.select!.start, hit.select!.end)).toBe("Industrialization");
  });

  it("finds Russian words with ё written either way, and shows the original letters", async () => {
    const result = await search(viewer, "съемка");
    expect(hitTexts(result)).toEqual([expect.stringContaining("Съёмка")]);
    expect((await search(viewer, "ЗИНОВЬЕВ")).total).toBe(1);
  });

  it("never finds a document of another workspace, and refuses outsiders", async () => {
    expect(hitTexts(await search(viewer, "famine"))).toEqual([expect.stringContaining("5.2 million")]);
    expect((await rejection(search(outsider, "famine"))).code).toBe("NOT_FOUND");
  });

  it("finds a private annotation's note for its author only", async () => {
    const secret = await createAnnotation(db, {
      actor: editor,
      documentId: monograph,
      input: { ...(await selectPhrase(db, monograph, "5.2 million")), kind: "CLAIM", note: "Overstated: footnote gives roughly three", visibility: "PRIVATE" },
    });
    expect((await search(editor, "overstated")).groups.flatMap((g) => g.hits.map((h) => h.annotation?.id))).toEqual([secret.id]);
    expect((await search(viewer, "overstated")).total).toBe(0);
    expect((await search(owner, "overstated")).total).toBe(0);
    // Its quote is the document's own text, which members see; only the annotation row is private.
    expect((await search(viewer, "5.2", { scope: "annotations" })).total).toBe(0);

    await updateAnnotation(db, { actor: editor, annotationId: secret.id, input: { visibility: "WORKSPACE" } });
    expect((await search(viewer, "overstated")).total).toBe(1);
    await updateAnnotation(db, { actor: editor, annotationId: secret.id, input: { note: "Compare footnote 18" } });
    expect((await search(viewer, "overstated")).total).toBe(0);
    expect((await search(viewer, "footnote", { kind: "CLAIM" })).total).toBe(1);
    await deleteAnnotation(db, { actor: editor, annotationId: secret.id });
    expect((await search(editor, "footnote")).total).toBe(0);
  });

  it("finds replies and link notes only where both ends are visible", async () => {
    const a = await createAnnotation(db, { actor: editor, documentId: party, input: { ...(await selectPhrase(db, party, "Congress of Industrialization")), kind: "CLAIM" } });
    const b = await createAnnotation(db, { actor: editor, documentId: monograph, input: { ...(await selectPhrase(db, monograph, "Fourteenth Conference")), kind: "CLAIM", visibility: "PRIVATE" } });
    const reply = await addReply(db, { actor: viewer, annotationId: a.id, input: { body: "Which plenum decided this?" } });
    expect((await search(owner, "plenum")).groups[0]!.hits[0]).toMatchObject({ source: "REPLY", reply: { id: reply.id } });
    await deleteReply(db, { actor: viewer, replyId: reply.id });
    expect((await search(owner, "plenum")).total).toBe(0);

    const link = await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "CONTRADICTS", note: "Conference versus congress" } });
    await setLinkVerdict(db, { actor: editor, linkId: link.id, input: { verdict: "SECOND_MORE_RELIABLE", rationale: "Protocols of the April conference" } });
    expect((await search(editor, "protocols")).groups[0]!.hits[0]).toMatchObject({ source: "LINK", link: { id: link.id } });
    expect((await search(viewer, "protocols")).total).toBe(0);
  });

  it("narrows by facets and counts them", async () => {
    const all = await search(viewer, "Fourteenth");
    expect(all.total).toBe(2);
    expect(all.facets!.sourceKind.map((f) => [f.value, f.count]).sort()).toEqual([["PRIMARY", 1], ["SECONDARY", 1]]);
    expect((await search(viewer, "Fourteenth", { sourceKind: "SECONDARY" })).groups.map((g) => g.document.id)).toEqual([monograph]);
    expect((await search(viewer, "Fourteenth", { language: "ru" })).groups.map((g) => g.document.id)).toEqual([party]);
    expect((await search(viewer, "Fourteenth", { from: "1920", to: "1930" })).groups.map((g) => g.document.id)).toEqual([party]);
    expect((await rejection(search(viewer, "x", { from: "1930", to: "1920" }))).code).toBe("INVALID_INPUT");
  });

  it("replaces a revised text in the index and forgets a deleted document", async () => {
    const { id: revisionId } = await currentRevision(db, monograph);
    await reviseDocumentText(db, { actor: editor, documentId: monograph, input: { baseRevisionId: revisionId, text: "The famine killed about three million people.\n\nIt was the Fourteenth Conference." } });
    expect((await search(viewer, "industrialization")).groups.map((g) => g.document.id)).toEqual([party]);
    expect(hitTexts(await search(viewer, "three million"))).toEqual([expect.stringContaining("about three million")]);
    await deleteDocument(db, { actor: owner, documentId: monograph });
    expect((await search(viewer, "famine")).total).toBe(0);
    const orphans = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchEntry" WHERE "documentId" = ${monograph}`;
    expect(Number(orphans[0]!.n)).toBe(0);
  });

  it("pages through many hits in rank order without losing or repeating one", async () => {
    const text = Array.from({ length: 70 }, (_, i) => `Paragraph ${i}: the grain procurements ${"grain ".repeat(i % 5)}fell short.`).join("\n\n");
    const granary = (await createTestDocument(db, owner, workspaceId, { title: "Granary", text })).id;
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search(viewer, "grain", { page, documentId: granary })));
    expect(pages[0]!.total).toBe(70);
    expect(pages[0]!.pageCount).toBe(4);
    const blocks = pages.flatMap((page) => page.groups.flatMap((group) => group.hits.map((hit) => hit.block!.index)));
    expect(blocks).toHaveLength(70);
    expect(new Set(blocks).size).toBe(70);
    // Best first: the paragraphs that say "grain" most open the first page.
    expect(pages[0]!.groups[0]!.hits.slice(0, 5).every((hit) => hit.block!.index % 5 === 4)).toBe(true);
  });

  it("suggests passages of other documents for a claim, and links to an annotation already on them", async () => {
    const elsewhere = (await createTestDocument(db, owner, workspaceId, { title: "Delegates", text: "Over 1,300 delegates came to Moscow.\n\nThe weather was cold." })).id;
    const claimed = (await createTestDocument(db, owner, workspaceId, { title: "Count", text: "The congress had 1,306 delegates with a vote." })).id;
    const claim = await createAnnotation(db, { actor: editor, documentId: claimed, input: { ...(await selectPhrase(db, claimed, "The congress had 1,306 delegates with a vote.")), kind: "CLAIM" } });
    const first = await suggestLinks(db, { actor: viewer, annotationId: claim.id });
    expect(first.suggestions.every((s) => s.document.id !== claimed)).toBe(true);
    const best = first.suggestions.find((s) => s.document.id === elsewhere)!;
    expect(best.target.exact).toBe("Over 1,300 delegates came to Moscow.");
    expect(best.existing).toBeNull();
    const there = await createAnnotation(db, { actor: editor, documentId: elsewhere, input: { ...(await selectPhrase(db, elsewhere, "Over 1,300 delegates")), kind: "CLAIM", visibility: "PRIVATE" } });
    expect((await suggestLinks(db, { actor: editor, annotationId: claim.id })).suggestions.find((s) => s.document.id === elsewhere)!.existing?.id).toBe(there.id);
    expect((await suggestLinks(db, { actor: viewer, annotationId: claim.id })).suggestions.find((s) => s.document.id === elsewhere)!.existing).toBeNull();
    expect((await rejection(suggestLinks(db, { actor: outsider, annotationId: claim.id }))).code).toBe("NOT_FOUND");
  });

  it("answers a hostile or empty query with a clear empty result", async () => {
    for (const q of ['"unbalanced', "*", "-only", "body:famine", "NEAR(", ""]) {
      const result = await search(viewer, q);
      expect(result.total === 0 ? (result.query.problem ?? "no hits") : "hits").toBeTruthy();
    }
    expect((await search(viewer, "-only")).query.problem).toMatch(/leave words out/);
  });
});
