import { Zip, ZipDeflate, strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { createLink } from "@/lib/links/create-link";
import { deleteLink } from "@/lib/links/delete-link";
import type { SessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { rateDocumentReliability } from "@/lib/documents/rate-document-reliability";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { BUNDLE_FILES } from "@/lib/export/bundle-format";
import { creditedName, type ExportAnnotation, type ExportDocument, type ExportLink } from "@/lib/export/export-model";
import { streamExport } from "@/lib/export/export-stream";
import { parseWellFormedXml, findAll } from "@/lib/export/well-formed-xml";
import { openExportReader, readAllAnnotations } from "@/lib/export/read-export-set";
import { parseW3cAnnotations } from "@/lib/export/parse-w3c-annotations";
import { importFile } from "@/lib/import/import-file";
import { readBundle } from "@/lib/import/read-bundle";
import { addReply } from "@/lib/replies/add-reply";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import type { ExportFormat, ExportSelection } from "@/lib/validations/export-selection";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, currentRevision, selectPhrase } from "@/tests/factories";
import { loadDemoAnnotations } from "@/seeds/load-demo-annotations";
import { loadSeedCorpus } from "@/seeds/load-seed-corpus";
import { rejection } from "./rejection";

const db = getDb();
const NOW = new Date("2026-11-22T09:00:00Z");
const ALL: ExportSelection = { documentIds: [] };

async function exportBytes(actor: SessionUser, workspaceId: string, format: ExportFormat, selection: ExportSelection = ALL): Promise<Uint8Array> {
  const reader = openExportReader({ userId: actor.id, workspaceId, selection });
  const { body } = streamExport(reader, format, { baseUrl: "https://workbench.test", now: NOW });
  return new Uint8Array(await new Response(body).arrayBuffer());
}

const exportText = async (...args: Parameters<typeof exportBytes>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await exportBytes(...args));

/** The set as a reader sees it, for comparing two workspaces. */
async function readSet(actor: SessionUser, workspaceId: string, options: { batchSize?: number; selection?: ExportSelection } = {}) {
  const reader = openExportReader({ userId: actor.id, workspaceId, selection: options.selection ?? ALL, batchSize: options.batchSize });
  try {
    const annotations = await readAllAnnotations(reader);
    // Texts are read lazily through the reader's connection: take them before it closes.
    return { documents: reader.documents.map((document) => ({ ...document })), annotations, links: reader.links() };
  } finally {
    reader.close();
  }
}

/** Everything but ids, with each annotation's document named by title. */
function comparable(set: { documents: readonly ExportDocument[]; annotations: readonly ExportAnnotation[]; links: readonly ExportLink[] }) {
  const titleOf = new Map(set.documents.map((document) => [document.id, document.title]));
  const annotationKey = new Map(set.annotations.map((a) => [a.id, `${titleOf.get(a.documentId)}@${a.start}-${a.end}:${a.exact}`]));
  return {
    documents: set.documents.map(({ id: _id, ...document }) => document),
    // Authors by name: an import is written by the importer, crediting the file's authors.
    annotations: set.annotations.map(({ id: _id, documentId, replies, author, creditedTo, ...annotation }) => ({
      ...annotation,
      author: creditedName({ author, creditedTo }),
      document: titleOf.get(documentId),
      replies: replies.map(({ id: _replyId, author: replyAuthor, creditedTo: replyCredit, ...reply }) => ({ ...reply, author: creditedName({ author: replyAuthor, creditedTo: replyCredit }) })),
    })),
    // Links made in the same millisecond have no order but their (new) ids: compare them sorted.
    links: set.links
      .map(({ id: _id, sourceAnnotationId, targetAnnotationId, author, creditedTo, verdictBy, ...link }) => ({
        ...link,
        author: creditedName({ author, creditedTo }),
        verdictBy: verdictBy?.name ?? null,
        source: annotationKey.get(sourceAnnotationId),
        target: annotationKey.get(targetAnnotationId),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

describe("export and import", () => {
  let owner: SessionUser;
  let colleague: SessionUser;
  let outsider: SessionUser;
  let workspaceId: string;

  beforeAll(async () => {
    [owner, colleague, outsider] = await Promise.all([createTestUser(db, { name: "Ada Ivanova" }), createTestUser(db, { name: "Борис Петров" }), createTestUser(db)]);
    workspaceId = (await createTestWorkspace(db, owner, { name: "Congress sources" })).id;
    await addTestMember(db, workspaceId, colleague.id, "EDITOR");
    const documentIdByFile = await loadSeedCorpus(db, { actor: owner, workspaceId });
    await loadDemoAnnotations(db, { actor: owner, workspaceId, documentIdByFile });

    // What the demo set lacks: replies, a custom tag, a rating, a private note, an orphan.
    const [first] = await db.annotation.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, take: 1 });
    await addReply(db, { actor: colleague, annotationId: first!.id, input: { body: "Which edition is this from?" } });
    await addReply(db, { actor: owner, annotationId: first!.id, input: { body: "The 1938 one; see the <i>Short Course</i>." } });
    const famine = await createCustomTag(db, { actor: owner, workspaceId, input: { name: "Famine figures", colour: "#aa3311" } });
    const scratch = (await createTestDocument(db, owner, workspaceId, { title: "Scratch transcription", text: "Delegates numbered 1,306 in all.\n\nThe hall held 𝔄 few more." })).id;
    await rateDocumentReliability(db, { actor: owner, documentId: scratch, input: { rating: 2, reason: "Unsigned copy" } });
    await createAnnotation(db, {
      actor: colleague,
      documentId: scratch,
      input: { ...(await selectPhrase(db, scratch, "𝔄 few more")), kind: "CUSTOM", tagIds: [famine.id], note: `<script>alert("x")</script> check`, visibility: "WORKSPACE" },
    });
    await createAnnotation(db, { actor: owner, documentId: scratch, input: { ...(await selectPhrase(db, scratch, "The hall")), kind: "CLAIM", visibility: "PRIVATE", note: "mine only" } });
    await createAnnotation(db, { actor: owner, documentId: scratch, input: { ...(await selectPhrase(db, scratch, "numbered 1,306")), kind: "CLAIM", verdict: "DISPUTED", confidence: 40 } });
    const revision = await currentRevision(db, scratch);
    await reviseDocumentText(db, { actor: owner, documentId: scratch, input: { baseRevisionId: revision.id, text: "Delegates met for two weeks.\n\nThe hall held 𝔄 few more." } });
  }, 60_000);

  it("round-trips the seed workspace through a bundle without losing an annotation, link, reply or offset", async () => {
    const before = await readSet(owner, workspaceId);
    expect(before.annotations.length).toBeGreaterThanOrEqual(50);
    expect(before.links.length).toBeGreaterThanOrEqual(20);
    expect(before.annotations.filter((a) => a.anchorStatus === "ORPHANED")).toHaveLength(1);

    const bundle = await exportBytes(owner, workspaceId, "bundle");
    const target = (await createTestWorkspace(db, owner, { name: "Copy" })).id;
    const report = await importFile(db, { actor: owner, workspaceId: target, input: { bytes: bundle, documentId: null } });

    expect(report.documentsCreated).toHaveLength(before.documents.length);
    expect(report.annotations).toBe(before.annotations.length);
    expect(report.links).toBe(before.links.length);
    expect(report.replies).toBe(2);
    expect(report.anchoring).toEqual({ exact: before.annotations.length - 1, moved: 0, fuzzy: 0, orphaned: 1 });
    expect(report.orphans.map((o) => o.exact)).toEqual(["numbered 1,306"]);
    expect(report.tagsCreated).toEqual(["Famine figures"]);

    const after = await readSet(owner, target);
    expect(comparable(after)).toEqual(comparable(before));
    // Offsets still slice the quote out of the imported text.
    const texts = new Map(after.documents.map((d) => [d.id, d.text]));
    for (const a of after.annotations.filter((a) => a.anchorStatus === "ANCHORED")) expect(texts.get(a.documentId)!.slice(a.start, a.end)).toBe(a.exact);
  });

  it("imports as the importer, crediting the original authors by name, and keeps private annotations the exporter's own", async () => {
    const bundle = await exportBytes(colleague, workspaceId, "bundle");
    const own = (await createTestWorkspace(db, colleague, { name: "Boris's copy" })).id;
    await importFile(db, { actor: colleague, workspaceId: own, input: { bytes: bundle, documentId: null } });
    const rows = await db.annotation.findMany({ where: { workspaceId: own }, select: { authorId: true, originalAuthorName: true, note: true, visibility: true } });
    expect(rows.every((row) => row.authorId === colleague.id)).toBe(true);
    // The owner's private annotation was never exported to the colleague.
    expect(rows.some((row) => row.note === "mine only")).toBe(false);
    expect(rows.find((row) => row.note.includes("<script>"))).toMatchObject({ originalAuthorName: null, note: `<script>alert("x")</script> check` });
    expect(rows.filter((row) => row.originalAuthorName === "Ada Ivanova").length).toBeGreaterThan(40);
    const copy = await readSet(colleague, own);
    const script = copy.annotations.find((a) => a.note.includes("<script>"))!;
    expect([script.author.name, script.creditedTo]).toEqual(["Борис Петров", null]);
    const disputed = copy.annotations.find((a) => a.verdict === "DISPUTED")!;
    expect([disputed.author.name, disputed.creditedTo]).toEqual(["Борис Петров", "Ada Ivanova"]);
    // And again: a copy of the copy still credits Ada, whoever imports it.
    const again = (await createTestWorkspace(db, owner)).id;
    await importFile(db, { actor: owner, workspaceId: again, input: { bytes: await exportBytes(colleague, own, "bundle"), documentId: null } });
    const twice = await readSet(owner, again);
    expect(twice.annotations.find((a) => a.verdict === "DISPUTED")!.creditedTo).toBe("Ada Ivanova");
    expect(twice.annotations.find((a) => a.note.includes("<script>"))!.creditedTo).toBe("Борис Петров");
  });

  it("writes W3C JSON-LD whose position selectors (code points) slice out the quote, and reads it back onto a document", async () => {
    const jsonld = await exportText(owner, workspaceId, "w3c");
    const collection = JSON.parse(jsonld) as { "@context": unknown[]; type: string; total: number; first: { items: Record<string, unknown>[] } };
    expect(collection["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(collection.first.items.length);
    const parsed = parseW3cAnnotations(jsonld);
    expect(parsed.errors).toEqual([]);
    const { documents } = await readSet(owner, workspaceId);
    const textBySource = new Map(documents.map((d) => [`https://workbench.test/documents/${d.id}`, d.text]));
    let checked = 0;
    for (const annotation of parsed.annotations) {
      for (const target of annotation.targets) {
        if (target.kind !== "text" || !target.position) continue;
        const codePoints = [...textBySource.get(target.source)!];
        expect(codePoints.slice(target.position.start, target.position.end).join("")).toBe(target.quote!.exact);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(45);
    expect(parsed.annotations.filter((a) => a.motivations.includes("linking"))).toHaveLength(20);

    // Into a fresh workspace holding the same texts: matched by title, placed by selectors.
    const fresh = (await createTestWorkspace(db, owner)).id;
    await loadSeedCorpus(db, { actor: owner, workspaceId: fresh });
    const scratch = documents.find((d) => d.title === "Scratch transcription")!;
    await createTestDocument(db, owner, fresh, { title: scratch.title, text: scratch.text });
    const report = await importFile(db, { actor: owner, workspaceId: fresh, input: { bytes: new TextEncoder().encode(jsonld), documentId: null } });
    const original = await readSet(owner, workspaceId);
    expect(report.annotations).toBe(original.annotations.length);
    expect(report.links).toBe(original.links.length);
    // Code points converted back to UTF-16 land exactly (the scratch text has an astral 𝔄); the orphan stays one.
    expect(report.anchoring).toEqual({ exact: original.annotations.length - 1, moved: 0, fuzzy: 0, orphaned: 1 });
    const copy = await readSet(owner, fresh);
    const summary = (set: typeof copy) => set.annotations.map((a) => [a.exact, a.kind, a.technique?.key ?? null, a.verdict, a.note, a.replies.length]).sort();
    expect(summary(copy)).toEqual(summary(original).map((row) => row));
  });

  it("places Hypothesis-style annotations (quote only, no motivation) on a chosen document and reports what it cannot place", async () => {
    const doc = (await createTestDocument(db, owner, workspaceId, { title: "Speech", text: "Comrades! The kulak as a class will be liquidated. Our grain plan is fulfilled." })).id;
    const hypothesis = [
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        id: "https://hypothes.is/a/abc",
        creator: { id: "acct:ada@hypothes.is", name: "ada" },
        body: [{ type: "TextualBody", value: "Dehumanising language", format: "text/markdown" }, { type: "TextualBody", purpose: "tagging", value: "rhetoric" }],
        target: { source: "https://example.org/speech", selector: [{ type: "TextQuoteSelector", exact: "the kulak as a class", prefix: "Comrades! ", suffix: " will be" }] },
      },
      {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        target: { source: "https://example.org/speech", selector: { type: "TextQuoteSelector", exact: "the harvest failed in the Volga region" } },
      },
    ];
    const report = await importFile(db, { actor: owner, workspaceId, input: { bytes: new TextEncoder().encode(JSON.stringify(hypothesis)), documentId: doc } });
    // “the kulak” was quoted in lower case: one character off, so a fuzzy match.
    expect(report.anchoring).toEqual({ exact: 0, moved: 0, fuzzy: 1, orphaned: 1 });
    expect(report.orphans).toEqual([expect.objectContaining({ documentId: doc, exact: "the harvest failed in the Volga region", where: "item 2" })]);
    expect(report.tagsCreated).toEqual(["rhetoric"]);
    const rows = await db.annotation.findMany({ where: { documentId: doc }, orderBy: { start: "desc" }, include: { tags: { include: { tag: true } } } });
    expect(rows[0]).toMatchObject({ kind: "CUSTOM", anchorStatus: "ANCHORED", exact: "The kulak as a class", note: "Dehumanising language", originalAuthorName: "ada" });
    expect(rows[0]!.tags.map((t) => t.tag.name)).toEqual(["rhetoric"]);
    expect(rows[1]).toMatchObject({ anchorStatus: "ORPHANED", exact: "the harvest failed in the Volga region", start: 0, end: 0 });
  });

  it("writes TEI that parses back, with overlapping spans kept as stand-off annotations", async () => {
    const { documents } = await readSet(owner, workspaceId);
    const seed003 = documents.find((d) => d.title === '2. The "Building Socialism" in the early 1920s')!;
    const xml = await exportText(owner, workspaceId, "tei", { documentIds: [seed003.id] });
    const root = parseWellFormedXml(xml);
    expect(root.name).toBe("TEI");
    // Link notes are <annotation>s too; the document's own carry its annotation ids.
    const annotations = findAll(root, "annotation").filter((node) => String(node.attributes["xml:id"]).startsWith("a-"));
    const inDocument = (await readSet(owner, workspaceId)).annotations.filter((a) => a.documentId === seed003.id);
    expect(annotations).toHaveLength(inDocument.length);
  });

  it("exports CSV with a header and one row per annotation, and the report as escaped HTML", async () => {
    const { annotations, links } = await readSet(owner, workspaceId);
    const csv = await exportText(owner, workspaceId, "csv");
    expect(csv.startsWith("\uFEFFannotation_id,document_id")).toBe(true);
    const linksCsv = await exportText(owner, workspaceId, "links-csv");
    expect(linksCsv.trim().split("\r\n")).toHaveLength(links.length + 1);
    expect(csv).toContain("numbered 1,306");
    expect(annotations.length).toBeGreaterThan(0);
    const report = await exportText(owner, workspaceId, "report");
    expect(report).toContain("&lt;script&gt;");
    expect(report).not.toContain("<script>");
  });

  it("exports only the chosen set: a kind, a date range, chosen documents", async () => {
    const { annotations } = await readSet(owner, workspaceId);
    const claims = JSON.parse(await exportText(owner, workspaceId, "w3c", { documentIds: [], kind: "BIAS_MARKER" })) as { first: { items: { motivation: string }[] } };
    const markers = annotations.filter((a) => a.kind === "BIAS_MARKER");
    const markerItems = claims.first.items.filter((item) => item.motivation === "classifying");
    expect(markerItems).toHaveLength(markers.length);
    expect(claims.first.items.some((item) => item.motivation === "linking")).toBe(false);
    const none = await exportText(owner, workspaceId, "csv", { documentIds: [], from: "2001-01-01", to: "2001-12-31" });
    expect(none.trim().split("\r\n")).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    const made = await readSet(owner, workspaceId, { selection: { documentIds: [], from: today, to: today } });
    expect(made.annotations).toHaveLength(annotations.length);
    const scratch = made.documents.find((d) => d.title === "Scratch transcription")!;
    const one = await readSet(owner, workspaceId, { selection: { documentIds: [scratch.id] } });
    expect(one.documents.map((d) => d.title)).toEqual(["Scratch transcription"]);
    expect(new Set(one.annotations.map((a) => a.documentId))).toEqual(new Set([scratch.id]));
  });

  it("reads in batches without losing or repeating a row, ties on the same span included", async () => {
    const { documents } = await readSet(owner, workspaceId);
    const scratch = documents.find((d) => d.title === "Scratch transcription")!;
    for (let i = 0; i < 3; i++) {
      await createAnnotation(db, { actor: owner, documentId: scratch.id, input: { ...(await selectPhrase(db, scratch.id, "two weeks")), kind: "CLAIM", note: `tie ${i}` } });
    }
    const whole = await readSet(owner, workspaceId);
    const paged = await readSet(owner, workspaceId, { batchSize: 2 });
    expect(paged.annotations.map((a) => a.id)).toEqual(whole.annotations.map((a) => a.id));
    expect(new Set(paged.annotations.map((a) => a.id)).size).toBe(paged.annotations.length);
    expect(whole.annotations.filter((a) => a.note.startsWith("tie "))).toHaveLength(3);
    await db.annotation.deleteMany({ where: { note: { startsWith: "tie " }, documentId: scratch.id } });
  });

  it("never exports another member's private annotation, nor a link that touches one", async () => {
    const { documents } = await readSet(owner, workspaceId);
    const scratch = documents.find((d) => d.title === "Scratch transcription")!;
    const secret = await createAnnotation(db, { actor: owner, documentId: scratch.id, input: { ...(await selectPhrase(db, scratch.id, "Delegates met")), kind: "CLAIM", visibility: "PRIVATE", note: "owner's secret" } });
    const shared = (await db.annotation.findFirst({ where: { documentId: scratch.id, visibility: "WORKSPACE", anchorStatus: "ANCHORED" } }))!;
    const link = await createLink(db, { actor: owner, input: { sourceAnnotationId: secret.id, targetAnnotationId: shared.id, type: "CONTRADICTS" } });
    for (const format of ["w3c", "csv", "links-csv", "report", "bundle"] as const) {
      const bytes = await exportBytes(colleague, workspaceId, format);
      const text = format === "bundle" ? JSON.stringify(await readBundle(bytes)) : new TextDecoder().decode(bytes);
      expect(text, format).not.toContain("owner's secret");
      expect(text, format).not.toContain(secret.id);
      expect(text, format).not.toContain(link.id);
    }
    expect(await exportText(owner, workspaceId, "links-csv")).toContain(link.id);
    await deleteLink(db, { actor: owner, linkId: link.id });
    await deleteAnnotation(db, { actor: owner, annotationId: secret.id });
  });

  it("refuses outsiders, other workspaces' documents, and viewers who import", async () => {
    expect(await rejection(Promise.resolve().then(() => openExportReader({ userId: outsider.id, workspaceId, selection: ALL })))).toMatchObject({ code: "NOT_FOUND" });
    const elsewhere = (await createTestWorkspace(db, outsider)).id;
    const foreign = (await createTestDocument(db, outsider, elsewhere, { title: "Theirs", text: "Their text." })).id;
    expect(await rejection(Promise.resolve().then(() => openExportReader({ userId: owner.id, workspaceId, selection: { documentIds: [foreign] } })))).toMatchObject({ code: "NOT_FOUND" });
    const viewer = await createTestUser(db);
    await addTestMember(db, workspaceId, viewer.id, "VIEWER");
    const bundle = await exportBytes(owner, workspaceId, "bundle");
    expect(await rejection(importFile(db, { actor: viewer, workspaceId, input: { bytes: bundle, documentId: null } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(importFile(db, { actor: outsider, workspaceId, input: { bytes: bundle, documentId: null } }))).toMatchObject({ code: "NOT_FOUND" });
    // A W3C file cannot place annotations on another workspace's document.
    const w3c = new TextEncoder().encode(JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", target: { source: "x", selector: { type: "TextQuoteSelector", exact: "Their" } } }));
    expect(await rejection(importFile(db, { actor: owner, workspaceId, input: { bytes: w3c, documentId: foreign } }))).toMatchObject({ code: "NOT_FOUND" });
  });

  describe("hostile or malformed files get a clear report and change nothing", () => {
    let target: string;
    let bundle: Uint8Array;
    let contents: Awaited<ReturnType<typeof readBundle>>;
    const counts = async () => ({
      documents: await db.document.count({ where: { workspaceId: target } }),
      annotations: await db.annotation.count({ where: { workspaceId: target } }),
      tags: await db.tag.count({ where: { workspaceId: target } }),
    });

    beforeAll(async () => {
      target = (await createTestWorkspace(db, owner)).id;
      bundle = await exportBytes(owner, workspaceId, "bundle");
      contents = await readBundle(bundle);
    });

    /** The bundle with one file's content replaced. */
    function tampered(name: string, edit: (content: string) => string): Uint8Array {
      const { manifest, documents, annotations, links } = contents;
      const files: Record<string, string> = {
        [BUNDLE_FILES.manifest]: JSON.stringify(manifest),
        [BUNDLE_FILES.documents]: documents.map((d) => JSON.stringify(d)).join("\n"),
        [BUNDLE_FILES.annotations]: annotations.map((a) => JSON.stringify(a)).join("\n"),
        [BUNDLE_FILES.links]: links.map((l) => JSON.stringify(l)).join("\n"),
      };
      files[name] = edit(files[name]!);
      return zipSync(Object.fromEntries(Object.entries(files).map(([file, content]) => [file, strToU8(content)])));
    }

    const cases: [string, () => Uint8Array, RegExp, RegExp?][] = [
      ["not JSON and not a ZIP", () => new TextEncoder().encode("{ this is not json"), /cannot be read as W3C/, /not valid JSON/],
      ["10,000 levels of nesting", () => new TextEncoder().encode(`${"[".repeat(10_000)}${"]".repeat(10_000)}`), /cannot be read as W3C/, /nested more than 64/],
      ["binary noise", () => new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x92]), /neither a ZIP bundle nor UTF-8/],
      ["a ZIP that is not a bundle", () => zipSync({ "notes.txt": strToU8("hello") }), /not a complete workbench bundle/, /manifest.json: This file is missing/],
      ["a broken JSON line", () => tampered(BUNDLE_FILES.annotations, (c) => c.replace(/\n/, "\n{broken\n")), /cannot be imported/, /annotations.jsonl, line 2: Not valid JSON/],
      ["offsets out of range", () => tampered(BUNDLE_FILES.annotations, (c) => c.replace(/"end":\d+/, '"end":99999999')), /does not hold together/, /lie outside its document's text/],
      ["a wrong selector type", () => tampered(BUNDLE_FILES.annotations, (c) => c.replace(/"start":\d+/, '"start":"twelve"')), /cannot be imported/, /start:/],
      ["a link to an annotation not in the file", () => tampered(BUNDLE_FILES.links, (c) => c.replace(/"sourceAnnotationId":"[^"]+"/, '"sourceAnnotationId":"nope"')), /does not hold together/, /not in the bundle/],
      ["another format's manifest", () => tampered(BUNDLE_FILES.manifest, (c) => c.replace("source-criticism-workbench/bundle", "evil/format")), /cannot be read/, /not a workbench bundle/],
    ];

    it.each(cases)("%s", async (_name, file, message, detail) => {
      const before = await counts();
      const error = await rejection(importFile(db, { actor: owner, workspaceId: target, input: { bytes: file(), documentId: null } }));
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(message) });
      if (detail) expect(error.details.join("\n")).toMatch(detail);
      expect(await counts()).toEqual(before);
    });

    it("a ZIP bomb is cut off after the unpacked limit, whatever its headers say", async () => {
      const parts: Uint8Array[] = [];
      const zip = new Zip((error, data) => {
        if (error) throw error;
        parts.push(data);
      });
      const entry = new ZipDeflate(BUNDLE_FILES.annotations, { level: 9 });
      zip.add(entry);
      const zeros = new Uint8Array(1 << 20);
      for (let i = 0; i < 200; i++) entry.push(zeros); // 200 MB of zeros in about 200 KB
      entry.push(new Uint8Array(0), true);
      zip.end();
      const bomb = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
      expect(bomb.length).toBeLessThan(300 * 1024);
      const before = await counts();
      const error = await rejection(importFile(db, { actor: owner, workspaceId: target, input: { bytes: bomb, documentId: null } }));
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/unpacks to more than \d+ MB, far more than its size suggests/) });
      expect(await counts()).toEqual(before);
    });

    it("one bad link (an annotation linked to itself) refuses the whole import", async () => {
      const before = await counts();
      // The extra link points an annotation at itself: everything else in the file is fine.
      const selfLink = tampered(BUNDLE_FILES.links, (c) => {
        const [first, ...rest] = c.split("\n");
        const link = JSON.parse(first!) as { targetAnnotationId: string; sourceAnnotationId: string };
        return [first, ...rest, JSON.stringify({ ...link, id: "self", targetAnnotationId: link.sourceAnnotationId })].join("\n");
      });
      const error = await rejection(importFile(db, { actor: owner, workspaceId: target, input: { bytes: selfLink, documentId: null } }));
      expect(error.details.join("\n")).toMatch(/links an annotation to itself/);
      expect(await counts()).toEqual(before);
    });
  });
});
