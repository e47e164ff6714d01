// The reading view against two baselines served by the same server (issue 14, "Benchmark"): a bare
// ProseMirror page (static HTML, prosemirror-view, the same text and the same decorations, nothing
// else) and a static HTML page of the same text, for the 6 kB and the 1 MB documents. Prints the
// ratios the issue names with their goals. Ratios taken in one run hold on a loaded machine.
//
// Alone: `npx tsx tests/bench/measure-reader.ts` (BENCH_READER_RUNS=7 for medians of 7; needs a build: `npx next build`; seeds
// data/bench-reader/, serves a copy of the build on 127.0.0.1:3221). `npm run bench` runs it too.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { BrowserContext, Page } from "@playwright/test";
import { visibleTo } from "../../lib/annotations/annotation-view";
import { createOffsetMap } from "../../lib/anchoring/prosemirror-offsets";
import { createDatabaseClient, type Db } from "../../lib/db";
import { splitTextBlocks } from "../../lib/documents/split-text-blocks";
import type { BarePageData } from "./bare-prosemirror-page";
import { launchBrowser, measureBaselineKeystrokes, measureKeystrokes, newBenchContext, openDocumentPage, signIn, type ReadyRun } from "./measure-page";
import { loadAverage, machineLines } from "./report";
import { BENCH_ACCOUNT, prepareDatabaseFile, seedBenchCorpus, seedFloorDocument } from "./seed-bench-database";
import { snapshotBuild, SupervisedServer } from "./server";
import { percentile, round } from "./stats";
import { HYDRATED_MARK } from "../../components/layout/hydration-mark";

/** The app's smallest signed-in page: its hydration is the floor under every page of the app. */
const FLOOR_URL = "/account";

/** Where the baseline pages are served from, under the server's public/ folder. */
const BASELINE_PATH = "bench-baseline";
const KIND_CLASS: Record<string, string> = { CLAIM: "hl hl--claim", BIAS_MARKER: "hl hl--bias-marker", CONTRADICTION: "hl hl--contradiction", CUSTOM: "hl hl--custom" };
// The same reading look on all three pages, so layout costs the same.
const PAGE_CSS = `body{margin:0;background:#fbfaf6;color:#1d2126}main{max-width:760px;margin:24px auto;padding:0 24px}
.reading{font-family:"Noto Serif",Georgia,serif;font-size:1.12rem;line-height:1.7;white-space:pre-wrap;outline:none}
.reading p{margin:0 0 1em}.hl{background:rgba(47,111,159,.16)}`;

export interface ReaderDocument {
  /** "6 kB" or "1 MB". */
  label: string;
  documentId: string;
  text: string;
  /** The annotations the bench user sees, anchored: what both editors draw. */
  highlights: { id: string; start: number; end: number; kind: string }[];
}

/** A document's text and the bench user's visible anchored annotations on it. */
export async function loadReaderDocument(db: Db, { label, documentId, userId }: { label: string; documentId: string; userId: string }): Promise<ReaderDocument> {
  const document = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { currentRevisionNumber: true } });
  const { text } = await db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId, number: document.currentRevisionNumber } }, select: { text: true } });
  const highlights = await db.annotation.findMany({ where: { documentId, anchorStatus: "ANCHORED", ...visibleTo(userId) }, select: { id: true, start: true, end: true, kind: true } });
  return { label, documentId, text, highlights };
}

const slug = (label: string) => label.replace(/\W+/g, "-").toLowerCase();
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Writes the baseline pages into `publicDir` (the served build's public/ folder, before the server
 * starts: Next serves the public files it finds at start): for each document a static HTML page of
 * its text and a bare ProseMirror page, plus the bundled ProseMirror script they share.
 */
export async function writeBaselinePages(publicDir: string, documents: readonly ReaderDocument[]): Promise<void> {
  const directory = path.join(publicDir, BASELINE_PATH);
  fs.mkdirSync(directory, { recursive: true });
  await build({
    entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), "bare-prosemirror-page.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    outfile: path.join(directory, "bare-prosemirror.js"),
    logLevel: "warning",
  });
  for (const document of documents) {
    const blocks = splitTextBlocks(document.text);
    const offsets = createOffsetMap(blocks);
    const data: BarePageData = {
      blocks: blocks.map((b) => b.text),
      highlights: document.highlights.map((h) => [offsets.textToPm(h.start, "start"), offsets.textToPm(h.end, "end"), KIND_CLASS[h.kind] ?? "hl", h.id]),
    };
    // "<" inside inline JSON would let the text end the script element.
    const json = JSON.stringify(data).replace(/</g, "\\u003c");
    const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${document.label} baseline</title><style>${PAGE_CSS}</style></head>`;
    fs.writeFileSync(
      path.join(directory, `bare-${slug(document.label)}.html`),
      `${head}<body><main><div id="editor"></div></main><script id="bare-data" type="application/json">${json}</script><script src="/${BASELINE_PATH}/bare-prosemirror.js"></script></body></html>`,
    );
    fs.writeFileSync(
      path.join(directory, `static-${slug(document.label)}.html`),
      `${head}<body><main><div class="reading">${blocks.map((b) => `<p>${escapeHtml(b.text)}</p>`).join("")}</div></main></body></html>`,
    );
  }
}

/** The JS heap in use after a full garbage collection (CDP), in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Navigation start → the app's hydration mark (components/layout/hydration-mark.tsx) on `url`. */
async function appHydrated(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: "commit" });
    if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? "nothing"}`);
    return await page
      .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? false, HYDRATED_MARK, { polling: 50, timeout: 60_000 })
      .then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await page.close();
  }
}

/** Navigation start → first contentful paint of a static page. */
async function staticFirstPaint(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? "nothing"}`);
    return await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? false, undefined, { polling: 50 }).then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await page.close();
  }
}

interface DocumentFigures {
  label: string;
  characters: number;
  highlights: number;
  appReady: ReadyRun[];
  bareReadyMs: number[];
  staticPaintMs: number[];
  /** The floor: the app's smallest signed-in page hydrated, in the same runs. */
  floorHydratedMs: number[];
  appHeapBytes: number;
  bareHeapBytes: number;
  /** Highlights the windowed reader had built at ready (of `highlights`). */
  appHighlightsAtReady: number;
}

export interface ReaderFigures {
  documents: DocumentFigures[];
  keystrokeP95Ms: number;
  textareaP95Ms: number;
}

const median = (values: readonly number[]) => percentile(values, 50);

async function measureDocument(context: BrowserContext, document: ReaderDocument, runs: number, log: (message: string) => void): Promise<DocumentFigures> {
  const appUrl = `/documents/${document.documentId}`;
  const bareUrl = `/${BASELINE_PATH}/bare-${slug(document.label)}.html`;
  const staticUrl = `/${BASELINE_PATH}/static-${slug(document.label)}.html`;
  const figures: DocumentFigures = {
    label: document.label,
    characters: document.text.length,
    highlights: document.highlights.length,
    appReady: [],
    bareReadyMs: [],
    staticPaintMs: [],
    floorHydratedMs: [],
    appHeapBytes: Number.NaN,
    bareHeapBytes: Number.NaN,
    appHighlightsAtReady: 0,
  };
  // Warm both servers' code paths once, outside the runs.
  await context.request.get(appUrl, { timeout: 120_000 });
  await context.request.get(bareUrl, { timeout: 120_000 });
  await context.request.get(FLOOR_URL, { timeout: 120_000 });
  // Interleaved, so a burst of load elsewhere hits all three alike.
  for (let run = 0; run < runs; run++) {
    const app = await openDocumentPage(context, appUrl, document.highlights.length);
    figures.appReady.push(app.run);
    figures.appHighlightsAtReady = app.run.distinctIds;
    if (run === runs - 1) figures.appHeapBytes = await heapAfterGc(app.page);
    await app.page.close();
    const bare = await openDocumentPage(context, bareUrl, document.highlights.length);
    figures.bareReadyMs.push(bare.run.readyMs);
    if (run === runs - 1) figures.bareHeapBytes = await heapAfterGc(bare.page);
    await bare.page.close();
    figures.staticPaintMs.push(await staticFirstPaint(context, staticUrl));
    figures.floorHydratedMs.push(await appHydrated(context, FLOOR_URL));
    log(
      `${document.label} run ${run + 1}/${runs}: app ready ${Math.round(app.run.readyMs)} ms (first screen ${Math.round(app.run.firstScreenMs)}), ` +
        `bare ProseMirror ${Math.round(bare.run.readyMs)} ms, static first paint ${Math.round(figures.staticPaintMs.at(-1) ?? Number.NaN)} ms, ` +
        `${FLOOR_URL} hydrated ${Math.round(figures.floorHydratedMs.at(-1) ?? Number.NaN)} ms`,
    );
  }
  return figures;
}

/** Measures the reading view against its baselines in `context` (signed in as the bench user). */
export async function measureReader(context: BrowserContext, documents: readonly ReaderDocument[], { runs = 3, log = console.log }: { runs?: number; log?: (message: string) => void } = {}): Promise<ReaderFigures> {
  const measured: DocumentFigures[] = [];
  for (const document of documents) measured.push(await measureDocument(context, document, runs, log));
  // Keystrokes while editing a section of the longest text, against a bare textarea.
  const longest = [...documents].sort((a, b) => b.text.length - a.text.length)[0];
  let keystrokeP95Ms = Number.NaN;
  if (longest) {
    const { page } = await openDocumentPage(context, `/documents/${longest.documentId}`, longest.highlights.length);
    try {
      keystrokeP95Ms = percentile((await measureKeystrokes(page, 0)).samples.map((s) => s.toPaintMs), 95);
    } finally {
      await page.close();
    }
  }
  const textareaP95Ms = percentile((await measureBaselineKeystrokes(context)).samples.map((s) => s.toPaintMs), 95);
  return { documents: measured, keystrokeP95Ms, textareaP95Ms };
}

export interface ReaderRatio {
  label: string;
  value: number;
  /** The issue's goal: the ratio must stay at or below it (none for a figure shown for information). */
  goal?: number;
  detail: string;
}

/** The issue's ratios from one run's figures. */
export function readerRatios(figures: ReaderFigures): ReaderRatio[] {
  const ratios: ReaderRatio[] = [];
  const byLabel = new Map(figures.documents.map((d) => [d.label, d]));
  const ready = (d: DocumentFigures) => median(d.appReady.map((r) => r.readyMs));
  for (const d of figures.documents) {
    const goal = d.characters > 100_000 ? 1.0 : 2.0;
    ratios.push({ label: `ready ÷ bare ProseMirror ready (${d.label})`, value: ready(d) / median(d.bareReadyMs), goal, detail: `${Math.round(ready(d))} ms ÷ ${Math.round(median(d.bareReadyMs))} ms` });
    // No goal: what the framework costs before the reading view does anything, on the same scale.
    const floor = median(d.floorHydratedMs);
    ratios.push({
      label: `  floor: ${FLOOR_URL} hydrated ÷ bare ProseMirror ready (${d.label})`,
      value: floor / median(d.bareReadyMs),
      detail: `${Math.round(floor)} ms ÷ ${Math.round(median(d.bareReadyMs))} ms (a page with no editor, same runs)`,
    });
  }
  const short = byLabel.get("6 kB");
  const long = byLabel.get("1 MB");
  if (short && long) ratios.push({ label: "ready(1 MB) ÷ ready(6 kB)", value: ready(long) / ready(short), goal: 1.3, detail: `${Math.round(ready(long))} ms ÷ ${Math.round(ready(short))} ms` });
  for (const d of figures.documents) {
    const firstScreen = median(d.appReady.map((r) => r.firstScreenMs));
    ratios.push({ label: `first screen with highlights ÷ static HTML first paint (${d.label})`, value: firstScreen / median(d.staticPaintMs), goal: 1.3, detail: `${Math.round(firstScreen)} ms ÷ ${Math.round(median(d.staticPaintMs))} ms` });
  }
  ratios.push({ label: "keystroke p95 ÷ bare textarea p95", value: figures.keystrokeP95Ms / figures.textareaP95Ms, goal: 1.2, detail: `${round(figures.keystrokeP95Ms)} ms ÷ ${round(figures.textareaP95Ms)} ms` });
  for (const d of figures.documents) {
    ratios.push({
      label: `JS heap after load ÷ bare ProseMirror's (${d.label})`,
      value: d.appHeapBytes / d.bareHeapBytes,
      detail: `${(d.appHeapBytes / 1024 ** 2).toFixed(1)} MB ÷ ${(d.bareHeapBytes / 1024 ** 2).toFixed(1)} MB; highlights built at ready ${d.appHighlightsAtReady} of ${d.highlights}`,
    });
  }
  return ratios;
}

/** The ratio table, one line per ratio with its goal and whether it was met. */
export function formatReaderTable(ratios: readonly ReaderRatio[]): string {
  const rows = ratios.map((r) => [r.label, Number.isFinite(r.value) ? r.value.toFixed(2) : "n/a", r.goal === undefined ? "" : `≤ ${r.goal.toFixed(1)}`, r.goal === undefined ? "" : r.value <= r.goal ? "pass" : "MISS", r.detail]);
  const header = ["ratio", "value", "goal", "result", "figures (medians)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const PORT = 3221;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function main() {
  const loadAtStart = loadAverage();
  const root = process.cwd();
  const directory = path.join(root, "data", "bench-reader");
  const appDir = path.join(os.tmpdir(), "workbench-bench-reader-app");
  const databaseUrl = prepareDatabaseFile(directory);
  const db = createDatabaseClient(databaseUrl);
  let server: SupervisedServer | null = null;
  try {
    console.log("[reader] seeding the 1 MB document (5,000 annotations) and the 6 kB one …");
    const corpus = await seedBenchCorpus(db, { targetChars: 1_000_000, annotationCount: 5_000, seed: 0x19251218 });
    const floor = await seedFloorDocument(db, corpus, { targetChars: 6_000, annotationCount: 20, seed: 0x19251218 + 1 });
    const documents = [
      await loadReaderDocument(db, { label: "6 kB", documentId: floor.documentId, userId: corpus.userId }),
      await loadReaderDocument(db, { label: "1 MB", documentId: corpus.documentId, userId: corpus.userId }),
    ];
    const buildId = await snapshotBuild(root, appDir);
    await writeBaselinePages(path.join(appDir, "public"), documents);
    console.log(`[reader] serving build ${buildId} on port ${PORT} …`);
    server = await SupervisedServer.start({ appDir, port: PORT, databaseUrl, logFile: path.join(directory, "server.log"), authSecret: randomBytes(32).toString("base64url") });
    const figures = await measureReaderAgainst(server.baseUrl, documents, { chromiumPath: CHROMIUM_PATH, log: (message) => console.log(`[reader] ${message}`) });
    console.log("");
    for (const line of machineLines(loadAtStart)) console.log(line);
    console.log("");
    console.log(formatReaderTable(readerRatios(figures)));
    fs.writeFileSync(path.join(directory, "results.json"), JSON.stringify({ figures, ratios: readerRatios(figures), loadAtStart, loadAtEnd: loadAverage() }, null, 2) + "\n");
  } finally {
    await server?.stop();
    await db.$disconnect();
    fs.rmSync(appDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error("[reader] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}

/** measureReader in a browser of its own, signed in as the bench user, against the server at `baseUrl` (npm run bench). */
export async function measureReaderAgainst(baseUrl: string, documents: readonly ReaderDocument[], { chromiumPath, log }: { chromiumPath: string; log: (message: string) => void }): Promise<ReaderFigures> {
  const browser = await launchBrowser(chromiumPath);
  try {
    const context = await newBenchContext(browser, baseUrl);
    const signInPage = await context.newPage();
    await signIn(signInPage, BENCH_ACCOUNT);
    await signInPage.close();
    // Medians of BENCH_READER_RUNS runs (3 unless set): more runs steady the figures on a busy machine.
    const runs = Math.max(1, Math.floor(Number(process.env.BENCH_READER_RUNS ?? 3)) || 3);
    return await measureReader(context, documents, { runs, log });
  } finally {
    await browser.close();
  }
}
