import { rejection } from "./rejection";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { EVIDENCE_SHOWN, getReliabilitySummary } from "@/lib/documents/get-reliability-summary";
import { rateDocumentReliability } from "@/lib/documents/rate-document-reliability";
import { createLink } from "@/lib/links/create-link";
import { deleteLink } from "@/lib/links/delete-link";
import { getClaimGraph } from "@/lib/links/get-claim-graph";
import { getComparison } from "@/lib/links/get-comparison";
import { listContradictions } from "@/lib/links/list-contradictions";
import { listDocumentLinks } from "@/lib/links/list-document-links";
import { setLinkVerdict } from "@/lib/links/set-link-verdict";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, selectPhrase } from "@/tests/factories";

const db = getDb();

describe("links between annotations", () => {
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  let workspaceId: string;
  let party: string; // "party history" document (like seed 002)
  let monograph: string; // "scholarly" document (like seed 003)
  const claim = async (actor: SessionUser, documentId: string, phrase: string, extra: Record<string, unknown> = {}) =>
    createAnnotation(db, { actor, documentId, input: { ...(await selectPhrase(db, documentId, phrase)), kind: "CLAIM", ...extra } });

  beforeAll(async () => {
    [owner, editor, viewer, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, editor.id, "EDITOR");
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    party = (await createTestDocument(db, owner, workspaceId, { title: "Party history", text: "The congress went down in history as the Congress of Industrialization." })).id;
    monograph = (await createTestDocument(db, owner, workspaceId, {
      title: "Monograph",
      text: "In fact it was the Fourteenth Conference in April 1925 that decided on industrialization. The famine killed 5.2 million people.\n\n18 The data suggest around 3 million.",
    })).id;
  });

  it("links across documents, shows the link from both ends, and orients a comparison", async () => {
    const a = await claim(editor, party, "the Congress of Industrialization");
    const b = await claim(editor, monograph, "the Fourteenth Conference in April 1925 that decided on industrialization");
    const link = await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "CONTRADICTS", note: "Which meeting decided?" } });
    expect(link).toMatchObject({ type: "CONTRADICTS", verdict: "UNRESOLVED", note: "Which meeting decided?", author: { id: editor.id } });

    for (const documentId of [party, monograph]) {
      expect((await listDocumentLinks(db, { actor: viewer, documentId })).map((l) => l.id)).toContain(link.id);
    }
    const reversed = await getComparison(db, { actor: viewer, leftId: monograph, rightId: party });
    const pair = reversed.pairs.find((p) => p.link.id === link.id)!;
    expect(pair.left.id).toBe(b.id);
    expect(pair.right.id).toBe(a.id);
    expect(pair.sourceIsLeft).toBe(false);
  });

  it("refuses self-links, duplicates (either way round for symmetric types), viewers and outsiders", async () => {
    const a = await claim(editor, party, "went down in history");
    const b = await claim(editor, monograph, "5.2 million");
    expect((await rejection(createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: a.id, type: "CORROBORATES" } }))).code).toBe("INVALID_INPUT");
    await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "CORROBORATES" } });
    expect((await rejection(createLink(db, { actor: owner, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "CORROBORATES" } }))).code).toBe("CONFLICT");
    expect((await rejection(createLink(db, { actor: owner, input: { sourceAnnotationId: b.id, targetAnnotationId: a.id, type: "CORROBORATES" } }))).code).toBe("CONFLICT");
    // Directed types may go both ways: each responds to the other.
    await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "RESPONDS_TO" } });
    await expect(createLink(db, { actor: editor, input: { sourceAnnotationId: b.id, targetAnnotationId: a.id, type: "RESPONDS_TO" } })).resolves.toMatchObject({ type: "RESPONDS_TO" });
    expect((await rejection(createLink(db, { actor: viewer, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "DERIVES_FROM" } }))).code).toBe("FORBIDDEN");
    expect((await rejection(createLink(db, { actor: outsider, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "DERIVES_FROM" } }))).code).toBe("NOT_FOUND");
    expect((await rejection(createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "REFUTES" } }))).code).toBe("INVALID_INPUT");
  });

  it("never reveals another member's private annotation through a link", async () => {
    const shared = await claim(owner, party, "Congress");
    const secret = await claim(owner, monograph, "April 1925", { visibility: "PRIVATE", note: "owner's private reading" });
    const link = await createLink(db, { actor: owner, input: { sourceAnnotationId: shared.id, targetAnnotationId: secret.id, type: "CONTRADICTS" } });

    // The editor cannot link to it, and sees the link nowhere.
    expect((await rejection(createLink(db, { actor: editor, input: { sourceAnnotationId: shared.id, targetAnnotationId: secret.id, type: "CORROBORATES" } }))).code).toBe("NOT_FOUND");
    const seen = [
      await listDocumentLinks(db, { actor: editor, documentId: party }),
      await listDocumentLinks(db, { actor: editor, documentId: monograph }),
      await listContradictions(db, { actor: editor, workspaceId }),
      (await getComparison(db, { actor: editor, leftId: party, rightId: monograph })).pairs,
      (await getClaimGraph(db, { actor: editor, workspaceId })).links,
    ];
    for (const list of seen) expect(JSON.stringify(list)).not.toContain(link.id);
    expect(JSON.stringify(seen)).not.toContain(secret.id);
    expect((await rejection(setLinkVerdict(db, { actor: editor, linkId: link.id, input: { verdict: "BOTH_WRONG" } }))).code).toBe("NOT_FOUND");
    expect((await rejection(deleteLink(db, { actor: editor, linkId: link.id }))).code).toBe("NOT_FOUND");
    // Its author still sees it.
    expect((await listContradictions(db, { actor: owner, workspaceId })).map((l) => l.id)).toContain(link.id);
  });

  it("records a verdict with who decided, filters the board, and feeds the reliability summary", async () => {
    const a = await claim(editor, monograph, "The famine killed 5.2 million people.", { verdict: "DISPUTED" });
    const b = await claim(editor, monograph, "The data suggest around 3 million.", { verdict: "CORROBORATED" });
    const link = await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "CONTRADICTS" } });
    expect((await rejection(setLinkVerdict(db, { actor: viewer, linkId: link.id, input: { verdict: "SECOND_MORE_RELIABLE" } }))).code).toBe("FORBIDDEN");
    const decided = await setLinkVerdict(db, { actor: owner, linkId: link.id, input: { verdict: "SECOND_MORE_RELIABLE", rationale: "Footnote 18 cites demographic data." } });
    expect(decided).toMatchObject({ verdict: "SECOND_MORE_RELIABLE", verdictRationale: "Footnote 18 cites demographic data.", verdictBy: { id: owner.id } });
    expect(decided.verdictAt).not.toBeNull();

    const decidedOnes = await listContradictions(db, { actor: viewer, workspaceId, filter: { verdict: "DECIDED" } });
    expect(decidedOnes.map((l) => l.id)).toEqual([link.id]);
    expect((await listContradictions(db, { actor: viewer, workspaceId, filter: { documentId: party } })).map((l) => l.id)).not.toContain(link.id);
    expect((await listContradictions(db, { actor: viewer, workspaceId, filter: { authorId: owner.id } })).map((l) => l.id)).toContain(link.id);

    const summary = await getReliabilitySummary(db, { actor: viewer, documentId: monograph });
    expect(summary.claimCounts).toMatchObject({ DISPUTED: 1, CORROBORATED: 1 });
    const fromLink = summary.evidence.find((e) => e.linkId === link.id);
    // A source contradicting itself loses, whichever side is judged right.
    expect(fromLink).toMatchObject({ source: "contradiction", verdict: "SECOND_MORE_RELIABLE", effect: "undermines" });

    expect((await rejection(rateDocumentReliability(db, { actor: editor, documentId: monograph, input: { rating: 2 } }))).code).toBe("INVALID_INPUT");
    await rateDocumentReliability(db, { actor: editor, documentId: monograph, input: { rating: 2, reason: "Contradicts its own footnote." } });
    expect((await getReliabilitySummary(db, { actor: viewer, documentId: monograph })).manual).toMatchObject({ rating: 2, reason: "Contradicts its own footnote." });
    await rateDocumentReliability(db, { actor: editor, documentId: monograph, input: { rating: null } });
    expect((await getReliabilitySummary(db, { actor: viewer, documentId: monograph })).manual).toBeNull();
  });

  it("lists the most telling evidence first and at most EVIDENCE_SHOWN of it, while the counts cover every claim", async () => {
    const words = Array.from({ length: EVIDENCE_SHOWN + 10 }, (_, i) => `Claim number ${i} stands here.`);
    const long = (await createTestDocument(db, owner, workspaceId, { title: "Long source", text: words.join("\n\n") })).id;
    for (const [i, phrase] of words.entries()) await claim(editor, long, phrase, { verdict: i === words.length - 1 ? "REFUTED" : "UNVERIFIED" });
    const summary = await getReliabilitySummary(db, { actor: viewer, documentId: long });
    expect(summary.evidenceTotal).toBe(words.length);
    expect(summary.evidence).toHaveLength(EVIDENCE_SHOWN);
    expect(summary.claimCounts).toMatchObject({ UNVERIFIED: words.length - 1, REFUTED: 1 });
    // The refuted claim comes first although it is last in the text; the open ones follow in text order.
    expect(summary.evidence[0]).toMatchObject({ verdict: "REFUTED", quote: words.at(-1) });
    expect(summary.evidence.slice(1, 3).map((e) => e.quote)).toEqual(words.slice(0, 2));
  });

  it("deleting an annotation removes its links with it, and says how many", async () => {
    const a = await claim(editor, party, "history as the Congress");
    const b = await claim(editor, monograph, "Fourteenth Conference");
    await createLink(db, { actor: editor, input: { sourceAnnotationId: a.id, targetAnnotationId: b.id, type: "SAME_CLAIM_AS" } });
    await expect(deleteAnnotation(db, { actor: editor, annotationId: b.id })).resolves.toEqual({ deletedLinks: 1 });
    expect(await db.annotationLink.count({ where: { OR: [{ sourceAnnotationId: a.id }, { targetAnnotationId: a.id }] } })).toBe(0);
  });
});
