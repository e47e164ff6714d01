import { createHash } from "node:crypto";
import { rejection } from "./rejection";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { createDocument } from "@/lib/documents/create-document";
import { deleteDocument } from "@/lib/documents/delete-document";
import { getDocument } from "@/lib/documents/get-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { readPastedText } from "@/lib/documents/read-document-text";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { createTestDocument, createTestUser, createTestWorkspace } from "@/tests/factories";

const db = getDb();

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("documents", () => {
  let owner: SessionUser;
  let workspaceId: string;

  beforeAll(async () => {
    owner = await createTestUser(db);
    workspaceId = (await createTestWorkspace(db, owner)).id;
  });

  describe("createDocument", () => {
    it("stores the metadata and revision 1 with the text's sha256 and sortable date keys", async () => {
      const raw = "\uFEFFDelegates arrived in Moscow.\r\n\r\nThe congress opened on 18 December.\r\n";
      const created = await createDocument(db, {
        actor: owner,
        workspaceId,
        metadata: {
          title: "  Report on the opening  ",
          authors: "Stalin, J. V.; Zinoviev, G.",
          dateText: "c. 1925",
          place: "Moscow",
          sourceKind: "PRIMARY",
          genre: "press",
          language: "ru",
          provenance: "Pravda archive",
          notes: "Read alongside the protocol.",
          containerTitle: "Pravda",
          pages: "1-2",
          url: "https://example.org/pravda/1925-12-19",
        },
        content: readPastedText(raw),
      });

      const stored = await db.document.findUniqueOrThrow({ where: { id: created.id }, include: { revisions: true } });
      expect(stored).toMatchObject({
        workspaceId,
        title: "Report on the opening",
        authors: ["Stalin, J. V.", "Zinoviev, G."],
        dateText: "c. 1925",
        dateSortKey: 19250000,
        dateEndKey: 19251231,
        place: "Moscow",
        sourceKind: "PRIMARY",
        genre: "press",
        language: "ru",
        provenance: "Pravda archive",
        notes: "Read alongside the protocol.",
        containerTitle: "Pravda",
        publisher: null,
        pages: "1-2",
        url: "https://example.org/pravda/1925-12-19",
        currentRevisionNumber: 1,
        createdById: owner.id,
      });

      expect(stored.revisions).toHaveLength(1);
      const [revision] = stored.revisions;
      const text = "Delegates arrived in Moscow.\n\nThe congress opened on 18 December.";
      expect(revision).toMatchObject({ number: 1, text, mediaType: "text/plain", createdById: owner.id });
      expect(revision?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(revision?.contentHash).toBe(sha256(text));

      const read = await getDocument(db, { actor: owner, documentId: created.id });
      expect(read.revision).toMatchObject({ number: 1, text, contentHash: sha256(text) });
      expect(read.authors).toEqual(["Stalin, J. V.", "Zinoviev, G."]);
    });

    it.each([
      ["1924-01-09", 19240109, 19240109],
      ["December 1925", 19251200, 19251231],
      ["1945–1952", 19450000, 19521231],
      ["1920s", 19200000, 19291231],
    ])("derives the keys of %s", async (dateText, dateSortKey, dateEndKey) => {
      const created = await createTestDocument(db, owner, workspaceId, { dateText });
      expect(created).toMatchObject({ dateText, dateSortKey, dateEndKey });
    });

    it("keeps a date it cannot read as text, with no keys", async () => {
      const created = await createTestDocument(db, owner, workspaceId, { dateText: "winter of the congress" });
      expect(created).toMatchObject({ dateText: "winter of the congress", dateSortKey: null, dateEndKey: null });
    });

    it.each([
      ["title", { title: "" }],
      ["title", { title: undefined }],
      ["url", { url: "javascript:alert(1)" }],
      ["language", { language: "not a language!" }],
      ["sourceKind", { sourceKind: "QUATERNARY" }],
    ])("rejects a bad %s with INVALID_INPUT naming the field, and stores nothing", async (field, bad) => {
      const counts = () => Promise.all([db.document.count(), db.documentRevision.count()]);
      const before = await counts();
      const error = await rejection(
        createDocument(db, {
          actor: owner,
          workspaceId,
          metadata: { title: "A valid title", url: "https://example.org", language: "en", ...bad },
          content: readPastedText("Some text."),
        }),
      );
      expect(error.code).toBe("INVALID_INPUT");
      expect(Object.keys(error.fieldErrors)).toEqual([field]);
      expect(error.fieldErrors[field]).toEqual(expect.any(String));
      expect(await counts()).toEqual(before);
    });

    it("stores HTML and script in the title, notes and text verbatim, as text", async () => {
      const title = `<script>alert("title")</script> & <b>bold</b>`;
      const notes = `<img src=x onerror="alert('notes')"> &amp; "quoted" 'single'`;
      const text = `<p onclick="alert(1)">Text with <em>markup</em></p>`;
      const created = await createTestDocument(db, owner, workspaceId, { title, notes, place: "<i>Moscow</i>", authors: ["<u>Anon</u>"], text });

      const read = await getDocument(db, { actor: owner, documentId: created.id });
      expect(read.title).toBe(title);
      expect(read.notes).toBe(notes);
      expect(read.place).toBe("<i>Moscow</i>");
      expect(read.authors).toEqual(["<u>Anon</u>"]);
      expect(read.revision.text).toBe(text);
      const listed = (await listDocuments(db, { actor: owner, workspaceId, sort: "title" })).find((d) => d.id === created.id);
      expect(listed?.title).toBe(title);
    });
  });

  describe("listDocuments sorting", () => {
    let sortWorkspaceId: string;

    beforeAll(async () => {
      sortWorkspaceId = (await createTestWorkspace(db, owner)).id;
      const add = (metadata: Parameters<typeof createTestDocument>[3]) => createTestDocument(db, owner, sortWorkspaceId, metadata);
      await add({ title: "Bravo", dateText: "c. 1925", sourceKind: "SECONDARY", genre: "scholarly" });
      await add({ title: "Alpha", dateText: "1924-01-09", sourceKind: "PRIMARY", genre: "press" });
      await add({ title: "Echo", dateText: null, sourceKind: null });
      await add({ title: "Charlie", dateText: "1917", sourceKind: "TERTIARY", genre: "encyclopedia" });
      await add({ title: "Delta", dateText: "undatable", sourceKind: "PRIMARY", genre: "memoir" });
      await add({ title: "Foxtrot", dateText: "December 1925", sourceKind: "SECONDARY", genre: null });
    });

    const titles = async (sort: "date" | "title" | "kind", direction: "asc" | "desc") =>
      (await listDocuments(db, { actor: owner, workspaceId: sortWorkspaceId, sort, direction })).map((d) => d.title);

    it("by date, earliest first, undated last (by title)", async () => {
      expect(await titles("date", "asc")).toEqual(["Charlie", "Alpha", "Bravo", "Foxtrot", "Delta", "Echo"]);
    });

    it("by date, latest first, undated still last", async () => {
      expect(await titles("date", "desc")).toEqual(["Foxtrot", "Bravo", "Alpha", "Charlie", "Delta", "Echo"]);
    });

    it("sorts by date ascending when no sort is given", async () => {
      const documents = await listDocuments(db, { actor: owner, workspaceId: sortWorkspaceId });
      expect(documents.map((d) => d.title)).toEqual(await titles("date", "asc"));
      expect(documents[0]).toMatchObject({ dateText: "1917", dateSortKey: 19170000, annotationCount: 0 });
    });

    it("by title both ways", async () => {
      const ascending = await titles("title", "asc");
      expect(ascending).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]);
      expect(await titles("title", "desc")).toEqual([...ascending].reverse());
    });

    it("compares titles as readers do: case and accents aside, numbers by value", async () => {
      const workspaceId = (await createTestWorkspace(db, owner)).id;
      for (const title of ["beta", "Zeta", "Émile", "alpha", "No. 10", "No. 9"]) await createTestDocument(db, owner, workspaceId, { title });
      const listed = await listDocuments(db, { actor: owner, workspaceId, sort: "title", direction: "asc" });
      expect(listed.map((d) => d.title)).toEqual(["alpha", "beta", "Émile", "No. 9", "No. 10", "Zeta"]);
    });

    it("by kind (then genre, then title), documents without a kind last both ways", async () => {
      expect(await titles("kind", "asc")).toEqual(["Delta", "Alpha", "Bravo", "Foxtrot", "Charlie", "Echo"]);
      expect(await titles("kind", "desc")).toEqual(["Charlie", "Bravo", "Foxtrot", "Delta", "Alpha", "Echo"]);
    });
  });

  describe("updateDocumentMetadata", () => {
    it("replaces the metadata, re-derives the date keys and leaves the text alone", async () => {
      const created = await createTestDocument(db, owner, workspaceId, { title: "Draft title", dateText: "1917", genre: "memoir", place: "Petrograd" });
      const updated = await updateDocumentMetadata(db, {
        actor: owner,
        documentId: created.id,
        metadata: { title: "Final title", dateText: "10 January 1924", genre: "press", language: "en-GB", authors: ["Rost correspondent"] },
      });
      expect(updated).toMatchObject({
        title: "Final title",
        dateText: "10 January 1924",
        dateSortKey: 19240110,
        dateEndKey: 19240110,
        genre: "press",
        language: "en-GB",
        authors: ["Rost correspondent"],
        // Replaced, not merged: a field left out is cleared.
        place: null,
      });

      const revisions = await db.documentRevision.findMany({ where: { documentId: created.id } });
      expect(revisions).toHaveLength(1);
      expect((await getDocument(db, { actor: owner, documentId: created.id })).currentRevisionNumber).toBe(1);

      const cleared = await updateDocumentMetadata(db, { actor: owner, documentId: created.id, metadata: { title: "Final title", dateText: "" } });
      expect(cleared).toMatchObject({ dateText: null, dateSortKey: null, dateEndKey: null });
    });

    it("rejects invalid metadata and changes nothing", async () => {
      const created = await createTestDocument(db, owner, workspaceId, { title: "Untouched", url: "https://example.org/a" });
      const error = await rejection(updateDocumentMetadata(db, { actor: owner, documentId: created.id, metadata: { title: " ", url: "javascript:alert(1)" } }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(Object.keys(error.fieldErrors).sort()).toEqual(["title", "url"]);
      expect(await db.document.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ title: "Untouched", url: "https://example.org/a" });
    });
  });

  describe("deleteDocument", () => {
    it("removes the document with its revisions, annotations, replies, tags and links, and nothing else", async () => {
      const doomed = await createTestDocument(db, owner, workspaceId, { title: "Doomed" });
      const survivor = await createTestDocument(db, owner, workspaceId, { title: "Survivor" });
      const revisionOf = (documentId: string) => db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId, number: 1 } } });
      const [doomedRevision, survivorRevision] = await Promise.all([revisionOf(doomed.id), revisionOf(survivor.id)]);
      const annotate = (documentId: string, revisionId: string) =>
        db.annotation.create({
          data: { workspaceId, documentId, authorId: owner.id, madeOnRevisionId: revisionId, anchorRevisionId: revisionId, start: 0, end: 3, exact: "The", kind: "CONTRADICTION" },
        });
      const doomedAnnotation = await annotate(doomed.id, doomedRevision.id);
      const survivorAnnotation = await annotate(survivor.id, survivorRevision.id);
      const tag = await db.tag.findFirstOrThrow({ where: { workspaceId, key: "kind:contradiction" } });
      await db.annotationTag.create({ data: { annotationId: doomedAnnotation.id, tagId: tag.id } });
      await db.annotationReply.create({ data: { annotationId: doomedAnnotation.id, authorId: owner.id, body: "Compare the protocol." } });
      await db.annotationReply.create({ data: { annotationId: survivorAnnotation.id, authorId: owner.id, body: "Stays." } });
      await db.annotationLink.create({
        data: { workspaceId, sourceAnnotationId: survivorAnnotation.id, targetAnnotationId: doomedAnnotation.id, type: "CONTRADICTS", authorId: owner.id },
      });

      await expect(deleteDocument(db, { actor: owner, documentId: doomed.id })).resolves.toEqual({ workspaceId });

      expect(await db.document.findUnique({ where: { id: doomed.id } })).toBeNull();
      expect(await db.documentRevision.count({ where: { documentId: doomed.id } })).toBe(0);
      expect(await db.annotation.count({ where: { documentId: doomed.id } })).toBe(0);
      expect(await db.annotationReply.count({ where: { annotationId: doomedAnnotation.id } })).toBe(0);
      expect(await db.annotationTag.count({ where: { annotationId: doomedAnnotation.id } })).toBe(0);
      expect(await db.annotationLink.count({ where: { targetAnnotationId: doomedAnnotation.id } })).toBe(0);

      // The other document, its annotation and reply, and the workspace's tag are untouched.
      expect(await db.documentRevision.count({ where: { documentId: survivor.id } })).toBe(1);
      expect(await db.annotation.findUnique({ where: { id: survivorAnnotation.id } })).not.toBeNull();
      expect(await db.annotationReply.count({ where: { annotationId: survivorAnnotation.id } })).toBe(1);
      expect(await db.tag.findUnique({ where: { id: tag.id } })).not.toBeNull();

      expect((await rejection(getDocument(db, { actor: owner, documentId: doomed.id }))).code).toBe("NOT_FOUND");
      expect((await rejection(deleteDocument(db, { actor: owner, documentId: doomed.id }))).code).toBe("NOT_FOUND");
    });
  });
});
