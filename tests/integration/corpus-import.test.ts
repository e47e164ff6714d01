import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { importDocumentFile } from "@/lib/documents/import-document-file";
import { importDocumentFiles } from "@/lib/documents/import-document-files";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { TEI_SAMPLE, encodeText, makeDocx, makePdf, makeScannedPdf, makeZip, makeZipBomb } from "@/tests/fixtures/corpus-files";
import { createTestUser, createTestWorkspace } from "@/tests/factories";
import { rejection } from "./rejection";

const db = getDb();
const utf8 = (text: string) => new TextEncoder().encode(text);

// The first file starts the worker pool (tsx + pdf.js): seconds on a busy machine.
describe("importing corpus files", { timeout: 90_000 }, () => {
  let owner: SessionUser;
  let workspaceId: string;
  const count = () => db.document.count({ where: { workspaceId } });

  beforeAll(async () => {
    owner = await createTestUser(db);
    workspaceId = (await createTestWorkspace(db, owner)).id;
  });

  it("stores a PDF sent alone with its own title and page breaks, which follow a text edit", async () => {
    const pdf = await makePdf(
      [{ heading: "Первое заседание", paragraphs: ["Съезд открылся в Москве."] }, { paragraphs: ["Прения продолжались."] }, { paragraphs: ["Голосование."] }],
      { title: "Протокол съезда" },
    );
    const { documentId } = await importDocumentFile(db, { actor: owner, workspaceId, file: { fileName: "protocol.pdf", bytes: pdf } });
    const document = await getDocument(db, { actor: owner, documentId: documentId! });
    expect(document.title).toBe("Протокол съезда");
    expect(document.revision.pageBreaks).toEqual([
      { offset: 0, label: "1" },
      { offset: document.revision.text.indexOf("Прения"), label: "2" },
      { offset: document.revision.text.indexOf("Голосование"), label: "3" },
    ]);

    // Inserting text before page 2 moves its break with it.
    const text = document.revision.text.replace("Съезд открылся", "Четырнадцатый съезд открылся");
    await reviseDocumentText(db, { actor: owner, documentId: documentId!, input: { baseRevisionId: document.revision.id, text } });
    const revised = await getDocument(db, { actor: owner, documentId: documentId! });
    expect(revised.revision.pageBreaks[1]).toEqual({ offset: revised.revision.text.indexOf("Прения"), label: "2" });
  });

  it("falls back to the file's name for the title, and lets given fields win over the file's", async () => {
    const { documentId } = await importDocumentFile(db, { actor: owner, workspaceId, file: { fileName: "pravda_1925-12-19.txt", bytes: encodeText("Текст статьи.", "windows-1251") } });
    expect((await getDocument(db, { actor: owner, documentId: documentId! })).title).toBe("pravda 1925-12-19");
    const { documentId: tei } = await importDocumentFile(db, { actor: owner, workspaceId, file: { fileName: "speech.xml", bytes: utf8(TEI_SAMPLE), metadata: { title: "Given title" } } });
    const stored = await getDocument(db, { actor: owner, documentId: tei! });
    expect(stored).toMatchObject({ title: "Given title", authors: ["Сталин, Иосиф", "Бухарин, Николай"], language: "ru", place: "Moscow" });
  });

  it("refuses bad files naming them, storing nothing", async () => {
    const before = await count();
    const scan = await rejection(importDocumentFile(db, { actor: owner, workspaceId, file: { fileName: "scan.pdf", bytes: await makeScannedPdf() } }));
    expect(scan.message).toBe("“scan.pdf”: this PDF has no text layer; run OCR on it first.");
    expect((await rejection(importDocumentFile(db, { actor: owner, workspaceId, file: { fileName: "empty.md", bytes: new Uint8Array() } }))).status).toBe(422);
    expect(await count()).toBe(before);
  });

  it("answers a batch per file: a ZIP with a manifest, good files stored, bad ones listed", async () => {
    const before = await count();
    const zip = makeZip({
      "manifest.json": JSON.stringify({ documents: [{ file: "letters/one.docx", title: "Letter one", kind: "primary", author: "Rykov, A." }] }),
      "letters/one.docx": await makeDocx(),
      "two.txt": "Второй документ.",
      "bad.pdf": "not a pdf at all",
      "picture.png": "png",
    });
    const dry = await importDocumentFiles(db, { actor: owner, workspaceId, files: [{ fileName: "corpus.zip", bytes: zip }], dryRun: true });
    expect(await count()).toBe(before);
    const byName = new Map(dry.results.map((r) => [r.file, r]));
    const one = byName.get("letters/one.docx");
    expect(one?.ok && one.preview.metadata).toMatchObject({ title: "Letter one", sourceKind: "PRIMARY", authors: ["Rykov, A."] });
    expect(byName.get("bad.pdf")).toMatchObject({ ok: false, message: expect.stringMatching(/^“bad\.pdf”: /) });
    expect(byName.get("picture.png")).toMatchObject({ ok: false });

    const stored = await importDocumentFiles(db, {
      actor: owner,
      workspaceId,
      files: [{ fileName: "corpus.zip", bytes: zip }, { fileName: "bomb.zip", bytes: makeZipBomb() }],
      metadataByName: { "two.txt": { title: "Edited in the table" } },
    });
    const ok = stored.results.filter((r) => r.ok);
    expect(ok.map((r) => r.file).sort()).toEqual(["letters/one.docx", "two.txt"]);
    expect(await count()).toBe(before + 2);
    expect(await db.document.findFirst({ where: { workspaceId, title: "Edited in the table" } })).not.toBeNull();
    expect(stored.results.find((r) => r.file === "bomb.zip")).toMatchObject({ ok: false, message: expect.stringMatching(/ZIP bomb/) });
  });

  it("refuses unsafe archives whole", async () => {
    const traversal = await importDocumentFiles(db, { actor: owner, workspaceId, files: [{ fileName: "evil.zip", bytes: makeZip({ "../../x.txt": "boo", "ok.txt": "fine" }) }] });
    expect(traversal.results).toEqual([expect.objectContaining({ file: "evil.zip", ok: false, message: expect.stringMatching(/points outside/) })]);
    const many: Record<string, string> = {};
    for (let i = 0; i < 5_000; i += 1) many[`f${i}.txt`] = "x";
    const crowded = await importDocumentFiles(db, { actor: owner, workspaceId, files: [{ fileName: "many.zip", bytes: makeZip(many) }] });
    expect(crowded.results).toEqual([expect.objectContaining({ ok: false, message: expect.stringMatching(/more than 1,000 entries/) })]);
  });

  it("lets only editors import", async () => {
    const stranger = await createTestUser(db);
    expect((await rejection(importDocumentFile(db, { actor: stranger, workspaceId, file: { fileName: "a.txt", bytes: utf8("Text.") } }))).code).toBe("NOT_FOUND");
  });
});
