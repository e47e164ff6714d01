import { rejection } from "./rejection";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { listDocumentAnnotations } from "@/lib/annotations/list-document-annotations";
import { reattachAnnotation } from "@/lib/annotations/reattach-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { addReply } from "@/lib/replies/add-reply";
import { listReplies } from "@/lib/replies/list-replies";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, currentRevision, selectPhrase } from "@/tests/factories";

const db = getDb();

// Seed document 004 (Stalin's interview), abridged: the claim with no source given.
const TEXT = [
  "About the discussion: Interview with Rost correspondent",
  "Question: What is the attitude of the party to the discussion?",
  "Answer: The position of the Central Committee is approved by more than 90% of the members of the party. The “opposition” is a small group.",
  "О дискуссии: «Заря Востока» № 473.",
].join("\n\n");

describe("annotations", () => {
  let owner: SessionUser;
  let editor: SessionUser;
  let viewer: SessionUser;
  let outsider: SessionUser;
  let workspaceId: string;
  let documentId: string;
  let loadedLanguage: string;

  beforeAll(async () => {
    [owner, editor, viewer, outsider] = await Promise.all([createTestUser(db), createTestUser(db), createTestUser(db), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner)).id;
    await addTestMember(db, workspaceId, editor.id, "EDITOR");
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    documentId = (await createTestDocument(db, owner, workspaceId, { text: TEXT })).id;
    loadedLanguage = (await db.tag.findFirstOrThrow({ where: { workspaceId, key: "ptc:loaded-language" } })).id;
  });

  describe("createAnnotation", () => {
    it("stores position and quote selectors computed from the server's text", async () => {
      const annotation = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "more than 90% of the members")), kind: "CLAIM", verdict: "DISPUTED", confidence: 70, note: "No source given." },
      });
      expect(annotation).toMatchObject({ kind: "CLAIM", verdict: "DISPUTED", confidence: 70, exact: "more than 90% of the members", anchorStatus: "ANCHORED", visibility: "WORKSPACE" });
      // 32 characters of context on each side.
      expect(annotation.prefix).toBe("entral Committee is approved by ");
      expect(annotation.suffix).toBe(" of the party. The “opposition” ");
      expect(TEXT.slice(annotation.start, annotation.end)).toBe(annotation.exact);
    });

    it("annotates Cyrillic and curly quotes by UTF-16 offsets", async () => {
      const annotation = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "«Заря Востока»")), kind: "CUSTOM" },
      });
      expect(TEXT.slice(annotation.start, annotation.end)).toBe("«Заря Востока»");
    });

    it("keeps a technique only on bias markers and a verdict only on claims", async () => {
      const bias = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "small group")), kind: "BIAS_MARKER", techniqueId: loadedLanguage, verdict: "REFUTED" },
      });
      expect(bias.technique?.name).toBe("Loaded language");
      expect(bias.verdict).toBeNull();
      const claim = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "The “opposition” is a small group.")), kind: "CLAIM", techniqueId: loadedLanguage },
      });
      expect(claim.technique).toBeNull();
      expect(claim.verdict).toBe("UNVERIFIED");
    });

    it("refuses bad selections with a clear error and stores nothing", async () => {
      const good = await selectPhrase(db, documentId, "Question");
      const before = await db.annotation.count({ where: { documentId } });
      const cases: [unknown, string][] = [
        [{ ...good, end: good.start }, "INVALID_INPUT"],
        [{ ...good, end: TEXT.length + 5 }, "INVALID_INPUT"],
        [{ ...good, start: -1 }, "INVALID_INPUT"],
        [{ ...good, start: 1.5 }, "INVALID_INPUT"],
        [{ ...good, exact: "Answer" }, "CONFLICT"],
        [{ ...good, revisionId: "an-older-revision" }, "CONFLICT"],
        [{ ...(await selectPhrase(db, documentId, "\n\n")) }, "INVALID_INPUT"],
        [{ ...good, kind: "SARCASM" }, "INVALID_INPUT"],
      ];
      for (const [selection, code] of cases) {
        const input = { kind: "CLAIM", ...(selection as object) };
        expect((await rejection(createAnnotation(db, { actor: editor, documentId, input }))).code, JSON.stringify(selection)).toBe(code);
      }
      const foreignWorkspace = await createTestWorkspace(db, outsider);
      const foreignTechnique = await db.tag.findFirstOrThrow({ where: { workspaceId: foreignWorkspace.id, category: "TECHNIQUE" } });
      const foreign = await rejection(createAnnotation(db, { actor: editor, documentId, input: { ...good, kind: "BIAS_MARKER", techniqueId: foreignTechnique.id } }));
      expect(foreign.code).toBe("INVALID_INPUT");
      expect(await db.annotation.count({ where: { documentId } })).toBe(before);
    });

    it("lets editors and owners annotate, not viewers (FORBIDDEN) or outsiders (NOT_FOUND)", async () => {
      const input = { ...(await selectPhrase(db, documentId, "Interview")), kind: "CLAIM" };
      expect((await rejection(createAnnotation(db, { actor: viewer, documentId, input }))).code).toBe("FORBIDDEN");
      expect((await rejection(createAnnotation(db, { actor: outsider, documentId, input }))).code).toBe("NOT_FOUND");
      await expect(createAnnotation(db, { actor: owner, documentId, input })).resolves.toMatchObject({ exact: "Interview" });
    });

    it("stores HTML in notes as text", async () => {
      const note = "<img src=x onerror=alert(1)> & <script>alert(2)</script>";
      const annotation = await createAnnotation(db, { actor: editor, documentId, input: { ...(await selectPhrase(db, documentId, "correspondent")), kind: "CUSTOM", note } });
      expect(annotation.note).toBe(note);
    });
  });

  describe("visibility", () => {
    it("shows private annotations to their author only, everywhere", async () => {
      const secret = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "attitude of the party")), kind: "CLAIM", visibility: "PRIVATE", note: "my private doubt" },
      });
      const mine = await listDocumentAnnotations(db, { actor: editor, documentId });
      const theirs = await listDocumentAnnotations(db, { actor: viewer, documentId });
      expect(mine.map((a) => a.id)).toContain(secret.id);
      expect(theirs.map((a) => a.id)).not.toContain(secret.id);
      expect(JSON.stringify(theirs)).not.toContain("my private doubt");

      for (const call of [
        updateAnnotation(db, { actor: owner, annotationId: secret.id, input: { note: "x" } }),
        deleteAnnotation(db, { actor: owner, annotationId: secret.id }),
        addReply(db, { actor: viewer, annotationId: secret.id, input: { body: "peek" } }),
        listReplies(db, { actor: owner, annotationId: secret.id }),
      ]) {
        expect((await rejection(call)).code).toBe("NOT_FOUND");
      }
    });

    it("a partial update changes only the fields it names: a private annotation stays private", async () => {
      const tag = await db.tag.create({ data: { workspaceId, category: "CUSTOM", key: "custom:famine", name: "famine", colour: "#5f7a4e" } });
      const secret = await createAnnotation(db, {
        actor: editor,
        documentId,
        input: { ...(await selectPhrase(db, documentId, "members of the party")), kind: "CLAIM", visibility: "PRIVATE", note: "keep me", tagIds: [tag.id] },
      });
      const updated = await updateAnnotation(db, { actor: editor, annotationId: secret.id, input: { verdict: "REFUTED" } });
      expect(updated).toMatchObject({ verdict: "REFUTED", visibility: "PRIVATE", note: "keep me", tags: [{ id: tag.id }] });
      expect((await listDocumentAnnotations(db, { actor: viewer, documentId })).map((a) => a.id)).not.toContain(secret.id);
    });

    it("lists annotations in text order, to members only", async () => {
      const listed = await listDocumentAnnotations(db, { actor: owner, documentId });
      expect(listed.map((a) => a.start)).toEqual([...listed.map((a) => a.start)].sort((a, b) => a - b));
      expect((await rejection(listDocumentAnnotations(db, { actor: outsider, documentId }))).code).toBe("NOT_FOUND");
    });
  });

  describe("editing, deleting and replies", () => {
    it("lets only the author edit; the author or an owner delete, and links go with it", async () => {
      const annotation = await createAnnotation(db, { actor: editor, documentId, input: { ...(await selectPhrase(db, documentId, "position of the Central Committee")), kind: "CLAIM" } });
      const other = await createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "What is the attitude")), kind: "CLAIM" } });
      await db.annotationLink.create({ data: { workspaceId, sourceAnnotationId: annotation.id, targetAnnotationId: other.id, type: "CONTRADICTS", authorId: owner.id } });

      expect((await rejection(updateAnnotation(db, { actor: owner, annotationId: annotation.id, input: { note: "not yours" } }))).code).toBe("FORBIDDEN");
      const updated = await updateAnnotation(db, { actor: editor, annotationId: annotation.id, input: { kind: "BIAS_MARKER", techniqueId: loadedLanguage, note: "reframed" } });
      expect(updated).toMatchObject({ kind: "BIAS_MARKER", note: "reframed", verdict: null, technique: { name: "Loaded language" } });

      expect((await rejection(deleteAnnotation(db, { actor: viewer, annotationId: annotation.id }))).code).toBe("FORBIDDEN");
      await expect(deleteAnnotation(db, { actor: owner, annotationId: annotation.id })).resolves.toEqual({ deletedLinks: 1 });
      expect(await db.annotation.findUnique({ where: { id: annotation.id } })).toBeNull();
    });

    it("lets any member, viewers included, discuss a workspace annotation", async () => {
      const annotation = await createAnnotation(db, { actor: editor, documentId, input: { ...(await selectPhrase(db, documentId, "Rost")), kind: "CLAIM" } });
      await addReply(db, { actor: viewer, annotationId: annotation.id, input: { body: "Which Rost?" } });
      await addReply(db, { actor: editor, annotationId: annotation.id, input: { body: "The Tiflis newspaper's correspondent." } });
      expect((await listReplies(db, { actor: owner, annotationId: annotation.id })).map((r) => r.body)).toEqual(["Which Rost?", "The Tiflis newspaper's correspondent."]);
      expect((await rejection(addReply(db, { actor: viewer, annotationId: annotation.id, input: { body: "   " } }))).code).toBe("INVALID_INPUT");
      expect((await rejection(addReply(db, { actor: outsider, annotationId: annotation.id, input: { body: "hi" } }))).code).toBe("NOT_FOUND");
    });
  });

  describe("revising the text", () => {
    it("keeps, moves or orphans each annotation — never moves one to other words — and re-attaches orphans", async () => {
      const doc = (await createTestDocument(db, owner, workspaceId, { text: TEXT })).id;
      const make = async (phrase: string) => createAnnotation(db, { actor: editor, documentId: doc, input: { ...(await selectPhrase(db, doc, phrase)), kind: "CLAIM" } });
      const kept = await make("About the discussion");
      const shifted = await make("more than 90% of the members");
      const doomed = await make("The “opposition” is a small group.");
      const base = await currentRevision(db, doc);

      const edited = base.text.replace("Question:", "Question (Rost):").replace(" The “opposition” is a small group.", "");
      expect((await rejection(reviseDocumentText(db, { actor: viewer, documentId: doc, input: { baseRevisionId: base.id, text: edited } }))).code).toBe("FORBIDDEN");
      const result = await reviseDocumentText(db, { actor: editor, documentId: doc, input: { baseRevisionId: base.id, text: edited } });
      expect(result.revisionNumber).toBe(2);
      expect(result.counts.orphaned).toBe(1);

      const after = await currentRevision(db, doc);
      const byId = new Map((await listDocumentAnnotations(db, { actor: editor, documentId: doc })).map((a) => [a.id, a]));
      for (const a of [byId.get(kept.id)!, byId.get(shifted.id)!]) {
        expect(a.anchorStatus).toBe("ANCHORED");
        expect(a.anchorRevisionId).toBe(after.id);
        expect(after.text.slice(a.start, a.end)).toBe(a.exact);
      }
      expect(byId.get(shifted.id)!.start).toBe(shifted.start + " (Rost)".length);
      const orphan = byId.get(doomed.id)!;
      expect(orphan).toMatchObject({ anchorStatus: "ORPHANED", exact: "The “opposition” is a small group." });

      // A stale editor (still on revision 1) cannot overwrite revision 2.
      expect((await rejection(reviseDocumentText(db, { actor: owner, documentId: doc, input: { baseRevisionId: base.id, text: `${edited} more` } }))).code).toBe("CONFLICT");

      const reattached = await reattachAnnotation(db, { actor: editor, annotationId: orphan.id, input: await selectPhrase(db, doc, "Answer") });
      expect(reattached).toMatchObject({ anchorStatus: "ANCHORED", exact: "Answer", anchorRevisionId: after.id });
      expect((await rejection(reattachAnnotation(db, { actor: owner, annotationId: orphan.id, input: await selectPhrase(db, doc, "Answer") }))).code).toBe("FORBIDDEN");
    });
  });
});

describe("techniques and tags an annotation may take", () => {
  it("takes only the workspace's current taxonomy and unarchived tags, but keeps what an edited annotation already carries", async () => {
    const db = getDb();
    const owner = await createTestUser(db);
    const workspaceId = (await createTestWorkspace(db, owner)).id;
    const documentId = (await createTestDocument(db, owner, workspaceId, { title: "Speech", text: "The kulaks as a class will be liquidated." })).id;
    const { techniqueTaxonomy } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    const otherTaxonomy = await db.tag.findFirstOrThrow({ where: { workspaceId, category: "TECHNIQUE", taxonomy: { not: techniqueTaxonomy } } });
    const current = await db.tag.findFirstOrThrow({ where: { workspaceId, category: "TECHNIQUE", taxonomy: techniqueTaxonomy } });
    const select = await selectPhrase(db, documentId, "kulaks as a class");

    const wrong = await rejection(createAnnotation(db, { actor: owner, documentId, input: { ...select, kind: "BIAS_MARKER", techniqueId: otherTaxonomy.id } }));
    expect(wrong.code).toBe("INVALID_INPUT");

    const tag = await createCustomTag(db, { actor: owner, workspaceId, input: { name: "Dehumanisation" } });
    const marker = await createAnnotation(db, { actor: owner, documentId, input: { ...select, kind: "BIAS_MARKER", techniqueId: current.id, tagIds: [tag.id] } });
    await db.tag.update({ where: { id: tag.id }, data: { archived: true } });
    const archived = await rejection(createAnnotation(db, { actor: owner, documentId, input: { ...(await selectPhrase(db, documentId, "liquidated")), kind: "CUSTOM", tagIds: [tag.id] } }));
    expect(archived.code).toBe("INVALID_INPUT");
    // The annotation that already carries the archived tag can still be edited.
    const edited = await updateAnnotation(db, { actor: owner, annotationId: marker.id, input: { note: "Stalin, 1929" } });
    expect(edited.tags.map((t) => t.id)).toEqual([tag.id]);
  });
});
