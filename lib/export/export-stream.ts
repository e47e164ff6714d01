import { AsyncZipDeflate, Zip, ZipPassThrough } from "fflate";
import { groupInto } from "../group-by";
import { nextTurn } from "../next-turn";
import type { ExportFormat } from "../validations/export-selection";
import { ANNOTATION_CSV_COLUMNS, LINK_CSV_COLUMNS, annotationRow, linkRow, type LinkEndAnnotation } from "./annotations-csv";
import { BUNDLE_FILES, BUNDLE_FORMAT, BUNDLE_README, BUNDLE_VERSION, type BundleManifest } from "./bundle-format";
import { formatCsvRow } from "./csv-escape";
import { indexDocuments } from "./document-index";
import type { ExportAnnotation } from "./export-model";
import { readAllAnnotations, type ExportReader } from "./read-export-set";
import { reportHtmlParts } from "./report-html";
import { teiDocumentParts } from "./tei-document";
import { W3C_EXPORT_CONTEXT } from "./w3c-context";
import { createW3cItemBuilder, type W3cAnnotation } from "./w3c-annotations";

export interface ExportOptions {
  /** The workbench's public origin; IRIs in JSON-LD and TEI hang off it. */
  baseUrl: string;
  now: Date;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  /** The body, produced as it is read; closing it early closes the reader. */
  body: ReadableStream<Uint8Array>;
}

type Chunk = string | Uint8Array;

/**
 * An export as a stream. JSON-LD, CSV and the bundle are written a batch of annotations at a
 * time as the reader yields them, so memory stays flat and the event loop is given back between
 * batches. TEI and the report need a document's (or the set's) annotations together to lay them
 * out, so the reader's annotations are gathered first; the markup is then written a piece at a
 * time (timeSliced), with the event loop given back as it goes.
 */
export function streamExport(reader: ExportReader, format: ExportFormat, options: ExportOptions): ExportFile {
  const base = fileBase(reader.workspace.name, options.now);
  switch (format) {
    case "w3c":
      return file(`${base}.jsonld`, "application/ld+json; charset=utf-8", reader, w3cChunks(reader, options));
    case "csv":
      return file(`${base}-annotations.csv`, "text/csv; charset=utf-8; header=present", reader, annotationCsvChunks(reader));
    case "links-csv":
      return file(`${base}-links.csv`, "text/csv; charset=utf-8; header=present", reader, linkCsvChunks(reader));
    case "tei":
      return reader.documents.length === 1
        ? file(`${base}-${slug(reader.documents[0]!.title)}.tei.xml`, "application/tei+xml; charset=utf-8", reader, teiSingleChunks(reader, options))
        : file(`${base}-tei.zip`, "application/zip", reader, zipChunks(teiFiles(reader, options)));
    case "report":
      return file(`${base}-report.html`, "text/html; charset=utf-8", reader, reportChunks(reader, options));
    case "bundle":
      return file(`${base}.workbench.zip`, "application/zip", reader, zipChunks(bundleFiles(reader, options)));
  }
}

function file(filename: string, contentType: string, reader: ExportReader, chunks: AsyncGenerator<Chunk>): ExportFile {
  return { filename, contentType, body: toReadableStream(chunks, () => reader.close()) };
}

/**
 * An export may not take longer than this: a client that stops reading would otherwise keep the
 * reader's snapshot (and so the database's write-ahead log) open indefinitely.
 */
export const EXPORT_TIME_LIMIT_MS = 10 * 60_000;

/** Pull-driven: the next chunk is made only when the client has taken the last one. */
export function toReadableStream(chunks: AsyncGenerator<Chunk>, done: () => void, timeLimitMs = EXPORT_TIME_LIMIT_MS): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    done();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => {
        if (finished) return;
        finish();
        void chunks.return(undefined);
        controller.error(new Error(`The export took longer than ${Math.round(timeLimitMs / 60_000)} minutes and was stopped.`));
      }, timeLimitMs);
      timer.unref?.();
    },
    async pull(controller) {
      if (finished) return;
      try {
        const next = await chunks.next();
        if (next.done) {
          finish();
          controller.close();
          return;
        }
        controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
      finish();
    },
  });
}

async function* w3cChunks(reader: ExportReader, options: ExportOptions): AsyncGenerator<Chunk> {
  const builder = createW3cItemBuilder(reader, options);
  yield [
    `{"@context":${JSON.stringify(W3C_EXPORT_CONTEXT)}`,
    `,"id":${JSON.stringify(builder.collectionId)},"type":"AnnotationCollection","label":${JSON.stringify(builder.label)}`,
    `,"generated":${JSON.stringify(builder.generated)}`,
    `,"first":{"id":${JSON.stringify(builder.pageId)},"type":"AnnotationPage","partOf":${JSON.stringify(builder.collectionId)},"startIndex":0,"items":[\n`,
  ].join("");
  let total = 0;
  // Every item embeds its document as the target's source: serialise each source once, not per item.
  const sources = new Map<string, string>();
  const serialise = (item: W3cAnnotation) => {
    const target = item.target;
    if (typeof target !== "object" || Array.isArray(target) || typeof target.source !== "object") return JSON.stringify(item);
    let source = sources.get(target.source.id);
    if (source === undefined) sources.set(target.source.id, (source = JSON.stringify(target.source)));
    // The item without its target (target is the last key), then the target around the cached source.
    const head = JSON.stringify({ ...item, target: undefined });
    return `${head.slice(0, -1)},"target":{"type":${JSON.stringify(target.type)},"source":${source},"selector":${JSON.stringify(target.selector)}}}`;
  };
  for await (const batch of reader.annotationBatches()) {
    const items = batch.flatMap((annotation) => builder.annotationItems(annotation));
    yield `${total > 0 ? ",\n" : ""}${items.map(serialise).join(",\n")}`;
    total += items.length;
  }
  const links = reader.links().map((link) => builder.linkItem(link));
  if (links.length > 0) yield `${total > 0 ? ",\n" : ""}${links.map((item) => JSON.stringify(item)).join(",\n")}`;
  total += links.length;
  // Key order is free in JSON, so the total, known only now, closes the collection.
  yield `\n]},"last":${JSON.stringify(builder.pageId)},"total":${total}}\n`;
}

async function* annotationCsvChunks(reader: ExportReader): AsyncGenerator<Chunk> {
  const documents = indexDocuments(reader.documents);
  // A byte-order mark, so spreadsheet programs read the file as UTF-8.
  yield `\uFEFF${formatCsvRow(ANNOTATION_CSV_COLUMNS)}`;
  for await (const batch of reader.annotationBatches()) {
    yield batch.map((annotation) => formatCsvRow(annotationRow(annotation, documents.get(annotation.documentId)))).join("");
  }
}

async function* linkCsvChunks(reader: ExportReader): AsyncGenerator<Chunk> {
  const documents = new Map(reader.documents.map((document) => [document.id, document]));
  const ends = new Map<string, LinkEndAnnotation>();
  for await (const batch of reader.annotationBatches()) {
    for (const { id, documentId, exact } of batch) ends.set(id, { documentId, exact });
  }
  yield `\uFEFF${formatCsvRow(LINK_CSV_COLUMNS)}`;
  yield reader
    .links()
    .map((link) => formatCsvRow(linkRow(link, ends, documents)))
    .join("");
}

async function* teiSingleChunks(reader: ExportReader, options: ExportOptions): AsyncGenerator<Chunk> {
  const annotations = await readAllAnnotations(reader);
  await nextTurn();
  yield* timeSliced(teiDocumentParts(reader.documents[0]!, annotations, reader.links(), options));
}

async function* teiFiles(reader: ExportReader, options: ExportOptions): AsyncGenerator<ZipEntry> {
  // Grouped as they are read (each batch is one document's).
  const byDocument = new Map<string, ExportAnnotation[]>();
  for await (const batch of reader.annotationBatches()) groupInto(byDocument, batch, (annotation) => annotation.documentId);
  await nextTurn();
  const links = reader.links();
  const names = new Set<string>();
  for (const [index, document] of reader.documents.entries()) {
    const name = uniqueName(`${String(index + 1).padStart(3, "0")}-${slug(document.title)}.tei.xml`, names);
    yield { name, chunks: timeSliced(teiDocumentParts(document, byDocument.get(document.id) ?? [], links, options)) };
  }
}

async function* reportChunks(reader: ExportReader, options: ExportOptions): AsyncGenerator<Chunk> {
  const annotations = await readAllAnnotations(reader);
  await nextTurn();
  yield* timeSliced(reportHtmlParts({ workspace: reader.workspace, documents: reader.documents, annotations, links: reader.links() }, options));
}

/** Characters gathered into one chunk of a format built piece by piece. */
const PIECES_CHUNK_CHARS = 256 * 1024;
/** How long building pieces may hold the event loop before it is given a turn. */
const PIECES_SLICE_MS = 10;

/**
 * Markup made piece by piece (the report, a TEI document), handed on in chunks of about
 * PIECES_CHUNK_CHARS, with a turn of the event loop whenever making pieces has held it for
 * PIECES_SLICE_MS: other requests are served while a large set's report is being written.
 */
export async function* timeSliced(pieces: Iterable<string>, sliceMs = PIECES_SLICE_MS, chunkChars = PIECES_CHUNK_CHARS): AsyncGenerator<Chunk> {
  let pending: string[] = [];
  let size = 0;
  let since = performance.now();
  for (const piece of pieces) {
    pending.push(piece);
    size += piece.length;
    if (size >= chunkChars) {
      yield pending.join("");
      pending = [];
      size = 0;
    }
    if (performance.now() - since >= sliceMs) {
      await nextTurn();
      since = performance.now();
    }
  }
  if (pending.length > 0) yield pending.join("");
}

async function* bundleFiles(reader: ExportReader, options: ExportOptions): AsyncGenerator<ZipEntry> {
  const counts = { documents: reader.documents.length, annotations: 0, replies: 0, links: 0 };
  const usedTags = new Set<string>();

  yield { name: BUNDLE_FILES.readme, chunks: single(BUNDLE_README), store: true };
  // One document per chunk: each text is read from the database only when its turn comes.
  yield { name: BUNDLE_FILES.documents, chunks: jsonLines(reader.documents, 1) };
  yield {
    name: BUNDLE_FILES.annotations,
    chunks: (async function* () {
      for await (const batch of reader.annotationBatches()) {
        counts.annotations += batch.length;
        for (const annotation of batch) {
          counts.replies += annotation.replies.length;
          if (annotation.technique) usedTags.add(annotation.technique.key);
          for (const tag of annotation.tags) usedTags.add(tag.key);
        }
        yield batch.map((annotation) => `${JSON.stringify(annotation)}\n`).join("");
      }
    })(),
  };
  const links = reader.links();
  counts.links = links.length;
  yield { name: BUNDLE_FILES.links, chunks: jsonLines(links) };
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: options.now.toISOString(),
    exportedFrom: options.baseUrl,
    workspace: reader.workspace,
    counts,
    tags: [...reader.tags.values()].filter((tag) => usedTags.has(tag.key)),
  };
  yield { name: BUNDLE_FILES.manifest, chunks: single(`${JSON.stringify(manifest, null, 2)}\n`), store: true };
}

interface ZipEntry {
  name: string;
  chunks: AsyncIterable<Chunk>;
  /** Small files are stored rather than deflated. */
  store?: boolean;
}

/** Deflate level: 1 is several times faster than the default 6 and loses little on text. */
const ZIP_LEVEL = 1;
/** Characters (or bytes) deflated per push. */
const ZIP_SLICE = 512 * 1024;

/**
 * A ZIP written entry by entry, chunk by chunk, as the entries' chunks arrive. Deflating runs in
 * fflate's worker threads (AsyncZipDeflate), so the main thread only builds the JSON; the
 * compressed output arrives asynchronously and is handed on as it comes.
 */
async function* zipChunks(entries: AsyncGenerator<ZipEntry>): AsyncGenerator<Chunk> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let complete = false;
  let wake: (() => void) | null = null;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else out.push(data);
    if (final) complete = true;
    wake?.();
  });
  const encoder = new TextEncoder();
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  const mtime = new Date();
  for await (const entry of entries) {
    const stream = entry.store ? new ZipPassThrough(entry.name) : new AsyncZipDeflate(entry.name, { level: ZIP_LEVEL });
    stream.mtime = mtime;
    zip.add(stream);
    // Starting a deflater starts a worker thread: let other requests in before the entry's first chunk.
    await nextTurn();
    for await (const chunk of entry.chunks) {
      // A long text is encoded a slice at a time, so no single step holds the event loop for long.
      for (let start = 0; start < chunk.length; ) {
        let end = Math.min(chunk.length, start + ZIP_SLICE);
        // Never cut between the two halves of a surrogate pair: each half alone would encode as U+FFFD.
        if (typeof chunk === "string" && end < chunk.length && isHighSurrogate(chunk.charCodeAt(end - 1))) end -= 1;
        const slice = chunk.slice(start, end);
        start = end;
        // Copied: the deflater's worker takes over (detaches) the buffer it is given.
        stream.push(typeof slice === "string" ? encoder.encode(slice) : slice.slice());
        yield* drain();
        if (chunk.length > ZIP_SLICE) await nextTurn();
      }
    }
    stream.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  while (!complete && !failure) {
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (complete || failure || out.length > 0) resolve();
    });
    wake = null;
    yield* drain();
  }
  yield* drain();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

async function* single(text: string): AsyncGenerator<Chunk> {
  yield text;
}

async function* jsonLines(items: readonly unknown[], size = 1000): AsyncGenerator<Chunk> {
  for (let index = 0; index < items.length; index += size) {
    yield items
      .slice(index, index + size)
      .map((item) => `${JSON.stringify(item)}\n`)
      .join("");
  }
}

function fileBase(workspaceName: string, now: Date): string {
  return `${slug(workspaceName)}-${now.toISOString().slice(0, 10)}`;
}

/** A file-name-safe slug: letters and digits of any script, joined by hyphens. */
export function slug(text: string): string {
  const cleaned = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return cleaned || "export";
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/(\.tei\.xml)$/, `-${n}$1`);
  taken.add(candidate);
  return candidate;
}
