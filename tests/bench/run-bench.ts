// `npm run bench`: how the workbench copes with a 1 MB document carrying 5,000 annotations.
// Seeds a fresh SQLite file under data/bench/, times the services in-process, then drives the
// production server (started here on 127.0.0.1:3200 and stopped again) in headless Chromium.
// Then, with the server stopped, exports a separate set of 100,000 annotations in-process in every
// format and imports the bundle back (measure-exports.ts, which also runs alone). Prints a table
// and writes data/bench/results.json. Exits 0 unless something actually failed; a missed target
// is a finding, not a failure.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { visibleTo } from "../../lib/annotations/annotation-view";
import { databaseFilePath } from "../../lib/database-url";
import { createDatabaseClient, type Db } from "../../lib/db";
import type { BrowserContext, Page } from "@playwright/test";
import {
  launchBrowser,
  measureAddAnnotation,
  measureBaselineKeystrokes,
  measureHtml,
  measureKeystrokes,
  newBenchContext,
  openDocumentPage,
  signIn,
  WITHOUT_FRAME_CLOCK,
  type AddAnnotationRun,
  type HtmlFigures,
  type KeystrokeRun,
  type MainThreadPerKey,
  type ReadyRun,
} from "./measure-page";
import { EXPORT_TARGETS, exportMetrics, measureExports } from "./measure-exports";
import { corpusImportMetrics, measureCorpusImport } from "./measure-corpus-import";
import { formatClassroom, measureClassroom } from "./measure-classroom";
import { measureHttpSaves } from "./measure-http-saves";
import { measureServices, type ServiceTimings } from "./measure-services";
import { measureSearch, searchMetrics } from "./measure-search";
import { formatPostgresRatios, measurePostgresRatios } from "./measure-postgres";
import { formatReaderTable, loadReaderDocument, measureReaderAgainst, readerRatios, writeBaselinePages } from "./measure-reader";
import { evaluateMetrics, formatTable, formatValue, writeResults, type Metric } from "./report";
import { BENCH_ACCOUNT, prepareDatabaseFile, seedBenchCorpus, seedFloorDocument, type BenchCorpus, type FloorDocument } from "./seed-bench-database";
import { buildInProgress, readBuildId, snapshotBuild, staleBuildSources, SupervisedServer } from "./server";
import { max, percentile, round } from "./stats";

const PROJECT_ROOT = process.cwd();
const BENCH_DIR = path.join(PROJECT_ROOT, "data", "bench");
const RESULTS_FILE = path.join(BENCH_DIR, "results.json");
/** The server runs on a private copy of the build (see snapshotBuild), removed at the end. */
const APP_SNAPSHOT_DIR = path.join(os.tmpdir(), "workbench-bench-app");
const PORT = 3200;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGET_CHARS = 1_000_000;
const ANNOTATIONS = 5_000;
/** The short document that measures the page's fixed cost (see seedFloorDocument). */
const FLOOR = { targetChars: 6_000, annotationCount: 20 };
const SEED = 0x19251218;
const PAGE_RUNS = 5;
const HTTP_SAVES = 200;
/** The whole bench must finish within this, or it stops the server and fails. */
// (45 minutes with the search section, which generates a 100 MB corpus.)
const WATCHDOG_MS = 45 * 60_000;

const TARGETS = { saveP99Ms: 25, readyMs: 500, keystrokeP95Ms: 16 };

function log(message: string) {
  console.log(`[bench] ${message}`);
}

function runsList(values: number[]): string {
  return `(runs: ${values.map((v) => formatValue(v, "ms").replace(" ms", "")).join(", ")})`;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

interface PageResults {
  html: HtmlFigures;
  ready: ReadyRun[];
  /** The same page on the short document: what any document costs. */
  floorReady: ReadyRun[];
  keystrokes: KeystrokeRun[];
  baseline: KeystrokeRun;
  /** The keystroke runs in a Chromium without its frame clock (see measureKeystrokesWithoutFrameClock). */
  unclocked: UnclockedKeystrokes;
  adds: AddAnnotationRun[];
  httpSavesMs: number[];
  chromiumVersion: string;
}

/** Opens the document page, runs `work` on it, and closes it again whatever happens. */
async function onDocumentPage<T>(context: BrowserContext, url: string, expectedIds: number, work: (page: Page, ready: ReadyRun) => Promise<T>): Promise<T> {
  const { page, run } = await openDocumentPage(context, url, expectedIds);
  try {
    return await work(page, run);
  } finally {
    await page.close();
  }
}

async function measureInBrowser(server: SupervisedServer, db: Db, corpus: BenchCorpus, floor: FloorDocument): Promise<PageResults> {
  const browser = await launchBrowser(CHROMIUM_PATH);
  try {
    const context = await newBenchContext(browser, server.baseUrl);
    const url = `/documents/${corpus.documentId}`;
    const visibleAnchored = () => db.annotation.count({ where: { documentId: corpus.documentId, anchorStatus: "ANCHORED", ...visibleTo(corpus.userId) } });
    const expected = await visibleAnchored();
    log(`the page should show ${expected.toLocaleString("en")} highlights`);
    const html = await server.guard("signing in", async () => {
      const first = await context.newPage();
      try {
        await signIn(first, BENCH_ACCOUNT);
        return await measureHtml(first, url);
      } finally {
        await first.close();
      }
    });

    // A restarted server loads the page's code on its first request: keep that out of the repeated run.
    server.afterRestart = () => context.request.get(url, { timeout: 120_000 });

    const ready: ReadyRun[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      const figures = await server.guard(`ready run ${run + 1}`, () => onDocumentPage(context, url, expected, async (_page, figures) => figures));
      ready.push(figures);
      log(`ready run ${run + 1}/${PAGE_RUNS}: ${Math.round(figures.readyMs)} ms (TTFB ${Math.round(figures.responseStartMs)}, response end ${Math.round(figures.responseEndMs)}, hydrated ${Math.round(figures.hydratedMs)}, editor from ${Math.round(figures.editorStartMs)}, highlights drawn ${Math.round(figures.highlightsDrawnMs)}; long tasks ${Math.round(figures.longTaskMs)} ms)`);
    }

    const floorUrl = `/documents/${floor.documentId}`;
    const floorExpected = await db.annotation.count({ where: { documentId: floor.documentId, anchorStatus: "ANCHORED", ...visibleTo(corpus.userId) } });
    await server.guard("opening the short document", () => context.request.get(floorUrl, { timeout: 120_000 }));
    const floorReady: ReadyRun[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      const figures = await server.guard(`short-document ready run ${run + 1}`, () => onDocumentPage(context, floorUrl, floorExpected, async (_page, figures) => figures));
      floorReady.push(figures);
      log(`short document (${floor.characters.toLocaleString("en")} characters, ${floorExpected} highlights) ready run ${run + 1}/${PAGE_RUNS}: ${Math.round(figures.readyMs)} ms (response end ${Math.round(figures.responseEndMs)}, hydrated ${Math.round(figures.hydratedMs)})`);
    }

    const keystrokes: KeystrokeRun[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      keystrokes.push(await server.guard(`keystroke run ${run + 1}`, () => onDocumentPage(context, url, expected, (page) => measureKeystrokes(page, run))));
      const last = keystrokes[keystrokes.length - 1];
      const samples = last?.samples ?? [];
      log(`keystroke run ${run + 1}/${PAGE_RUNS}: p95 ${round(percentile(samples.map((s) => s.toPaintMs), 95))} ms over ${samples.length} keys; main thread ${round(last?.perKey.taskMs ?? Number.NaN)} ms/key`);
    }
    const baseline = await measureBaselineKeystrokes(context);
    // The same typing with the frame clock off, before the adds and saves below change the document.
    const unclocked = await measureKeystrokesWithoutFrameClock(server, db, corpus);

    const adds: AddAnnotationRun[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      adds.push(
        await server.guard(`add-annotation run ${run + 1}`, async () =>
          onDocumentPage(context, url, await visibleAnchored(), (page) => measureAddAnnotation(page, corpus.documentId, run)),
        ),
      );
      const last = adds[adds.length - 1];
      log(`add-annotation run ${run + 1}/${PAGE_RUNS}: ${round(last?.toDomMs ?? Number.NaN)} ms to the DOM (POST ${round(last?.postMs ?? Number.NaN)} ms) on “${last?.phrase ?? ""}”`);
    }

    const cookies = await context.cookies(server.baseUrl);
    const httpSavesMs = await server.guard("the HTTP saves", () => measureHttpSaves({ baseUrl: server.baseUrl, cookies, corpus, count: HTTP_SAVES }));
    log(`${HTTP_SAVES} saves through POST /api/documents/:id/annotations: p50 ${round(median(httpSavesMs))} ms`);
    const chromiumVersion = browser.version();
    await context.close();
    return { html, ready, floorReady, keystrokes, baseline, unclocked, adds, httpSavesMs, chromiumVersion };
  } finally {
    await browser.close();
  }
}

interface UnclockedKeystrokes {
  keystrokes: KeystrokeRun[];
  baseline: KeystrokeRun;
}

/** The keystroke runs again in a Chromium without its 60 Hz frame clock (see WITHOUT_FRAME_CLOCK). */
async function measureKeystrokesWithoutFrameClock(server: SupervisedServer, db: Db, corpus: BenchCorpus): Promise<UnclockedKeystrokes> {
  const browser = await launchBrowser(CHROMIUM_PATH, WITHOUT_FRAME_CLOCK);
  try {
    const context = await newBenchContext(browser, server.baseUrl);
    const url = `/documents/${corpus.documentId}`;
    const expected = await db.annotation.count({ where: { documentId: corpus.documentId, anchorStatus: "ANCHORED", ...visibleTo(corpus.userId) } });
    await server.guard("signing in (no frame clock)", async () => {
      const first = await context.newPage();
      try {
        await signIn(first, BENCH_ACCOUNT);
      } finally {
        await first.close();
      }
    });
    const keystrokes: KeystrokeRun[] = [];
    for (let run = 0; run < PAGE_RUNS; run++) {
      keystrokes.push(await server.guard(`keystroke run ${run + 1} (no frame clock)`, () => onDocumentPage(context, url, expected, (page) => measureKeystrokes(page, run))));
      const samples = keystrokes[keystrokes.length - 1]?.samples ?? [];
      log(`keystroke run ${run + 1}/${PAGE_RUNS}, no frame clock: p95 ${round(percentile(samples.map((s) => s.toPaintMs), 95))} ms`);
    }
    const baseline = await measureBaselineKeystrokes(context);
    await context.close();
    return { keystrokes, baseline };
  } finally {
    await browser.close();
  }
}

function meanOf(runs: MainThreadPerKey[], key: keyof MainThreadPerKey): number {
  return runs.length === 0 ? Number.NaN : runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
}

function buildMetrics(services: ServiceTimings, page: PageResults, floor: FloorDocument): Metric[] {
  const unclocked = page.unclocked;
  const save = services.createAnnotationMs;
  const warm = page.ready.slice(1);
  const cold = page.ready[0];
  const keys = page.keystrokes.flatMap((run) => run.samples.map((s) => s.toPaintMs));
  const keysFromEvent = page.keystrokes.flatMap((run) => run.samples.map((s) => s.fromEventToPaintMs));
  const baseline = page.baseline.samples.map((s) => s.toPaintMs);
  const unclockedKeys = unclocked.keystrokes.flatMap((run) => run.samples.map((s) => s.toPaintMs));
  const perKey = page.keystrokes.map((run) => run.perKey);
  const addThread = page.adds.map((a) => a.mainThread);
  const dragThread = page.adds.map((a) => a.dragPerMouseEvent);
  const adds = page.adds.map((a) => a.toDomMs);
  const posts = page.adds.flatMap((a) => (a.postMs === null ? [] : [a.postMs]));
  const server = "server, in-process services";
  const browser = "browser, /documents/<id> on next start";
  return [
    { section: server, label: `createAnnotation p50 (×${save.length})`, value: median(save), unit: "ms" },
    { section: server, label: "createAnnotation p95", value: percentile(save, 95), unit: "ms" },
    { section: server, label: "createAnnotation p99 (save)", value: percentile(save, 99), unit: "ms", targetBelow: TARGETS.saveP99Ms },
    { section: server, label: "  of which: load revision text p50", value: median(services.loadRevisionTextMs), unit: "ms" },
    { section: server, label: "  of which: INSERT + commit p50", value: median(services.insertAnnotationRowMs), unit: "ms" },
    { section: server, label: `listDocumentAnnotations p50 (×${services.listAnnotationsMs.length})`, value: median(services.listAnnotationsMs), unit: "ms" },
    { section: server, label: "listDocumentAnnotations p95", value: percentile(services.listAnnotationsMs, 95), unit: "ms" },
    { section: server, label: "  rows alone (findMany, no include) p50", value: median(services.annotationRowsOnlyMs), unit: "ms" },
    { section: server, label: `listDocumentAnnotations JSON (${services.listAnnotationsCount.toLocaleString("en")} rows)`, value: services.listAnnotationsJsonBytes, unit: "bytes" },
    { section: server, label: `listReadingAnnotations (the page's) p50 (×${services.readingAnnotationsMs.length})`, value: median(services.readingAnnotationsMs), unit: "ms" },
    { section: server, label: "listReadingAnnotations JSON", value: services.readingAnnotationsJsonBytes, unit: "bytes" },
    { section: server, label: `getDocument p50 (×${services.getDocumentMs.length})`, value: median(services.getDocumentMs), unit: "ms" },
    { section: "http", label: `save via POST …/annotations p50 (×${page.httpSavesMs.length})`, value: median(page.httpSavesMs), unit: "ms" },
    { section: "http", label: "save via POST …/annotations p99", value: percentile(page.httpSavesMs, 99), unit: "ms", targetBelow: TARGETS.saveP99Ms },
    { section: "http", label: "page HTML (incl. inline RSC payload)", value: page.html.bytes, unit: "bytes", detail: `(gzip ${formatValue(page.html.gzipBytes, "bytes")})` },
    { section: "http", label: "  of which: inline RSC payload", value: page.html.rscBytes, unit: "bytes" },
    { section: "http", label: "HTML transfer (navigation entry, run 1)", value: cold?.htmlTransferBytes ?? Number.NaN, unit: "bytes" },
    { section: "http", label: "JS transfer, cold cache (run 1)", value: cold?.scriptTransferBytes ?? Number.NaN, unit: "bytes" },
    { section: browser, label: `ready p50, warm (runs 2–${page.ready.length})`, value: median(warm.map((r) => r.readyMs)), unit: "ms", targetBelow: TARGETS.readyMs, detail: runsList(page.ready.map((r) => r.readyMs)) },
    { section: browser, label: "ready, cold (run 1)", value: cold?.readyMs ?? Number.NaN, unit: "ms", targetBelow: TARGETS.readyMs },
    { section: browser, label: "ready + frame rendered p50, warm", value: median(warm.map((r) => r.readyPaintedMs)), unit: "ms", detail: runsList(page.ready.map((r) => r.readyPaintedMs)) },
    { section: browser, label: "  server response start (TTFB) p50", value: median(page.ready.map((r) => r.responseStartMs)), unit: "ms" },
    { section: browser, label: "  response end p50", value: median(page.ready.map((r) => r.responseEndMs)), unit: "ms" },
    { section: browser, label: "  first contentful paint p50", value: median(page.ready.flatMap((r) => (r.firstContentfulPaintMs === null ? [] : [r.firstContentfulPaintMs]))), unit: "ms" },
    { section: browser, label: "  opening screen with its highlights p50", value: median(page.ready.map((r) => r.firstScreenMs)), unit: "ms", detail: "(drawn by the server, before the editor)" },
    { section: browser, label: "  workbench hydrated p50", value: median(page.ready.map((r) => r.hydratedMs)), unit: "ms" },
    { section: browser, label: "  editor construction starts p50", value: median(page.ready.map((r) => r.editorStartMs)), unit: "ms" },
    { section: browser, label: "  editor built, highlights drawn p50", value: median(page.ready.map((r) => r.highlightsDrawnMs)), unit: "ms" },
    { section: browser, label: "  .ProseMirror mounted p50", value: median(page.ready.map((r) => r.editorMs)), unit: "ms" },
    { section: browser, label: "  first highlight p50", value: median(page.ready.map((r) => r.firstHighlightMs)), unit: "ms" },
    { section: browser, label: "  long tasks before ready p50 (sum)", value: median(page.ready.map((r) => r.longTaskMs)), unit: "ms", detail: `(longest ${formatValue(median(page.ready.map((r) => r.longestTaskMs)), "ms")})` },
    {
      section: browser,
      label: `ready p50, warm: short document (${floor.characters.toLocaleString("en")} chars, ${floor.annotationCount} annotations)`,
      value: median(page.floorReady.slice(1).map((r) => r.readyMs)),
      unit: "ms",
      detail: `the page's fixed cost; hydrated at ${formatValue(median(page.floorReady.slice(1).map((r) => r.hydratedMs)), "ms")} ${runsList(page.floorReady.map((r) => r.readyMs))}`,
    },
    { section: browser, label: `keystroke-to-paint p50, on the 60 Hz frame clock (${keys.length} keys)`, value: median(keys), unit: "ms" },
    {
      section: browser,
      label: "keystroke-to-paint p95, on the 60 Hz frame clock",
      value: percentile(keys, 95),
      unit: "ms",
      detail: `${runsList(page.keystrokes.map((run) => percentile(run.samples.map((s) => s.toPaintMs), 95)))}; a bare <textarea> ${formatValue(percentile(baseline, 95), "ms")}`,
    },
    { section: browser, label: "  max", value: max(keys), unit: "ms" },
    { section: browser, label: "  p95 from the event's timestamp", value: percentile(keysFromEvent, 95), unit: "ms" },
    { section: browser, label: "  main thread per key (mean of runs)", value: meanOf(perKey, "taskMs"), unit: "ms", detail: `(script ${formatValue(meanOf(perKey, "scriptMs"), "ms")}, layout ${formatValue(meanOf(perKey, "layoutMs"), "ms")}, style ${formatValue(meanOf(perKey, "styleMs"), "ms")})` },
    { section: browser, label: "  baseline p95: bare <textarea>", value: percentile(baseline, 95), unit: "ms", detail: `(main thread ${formatValue(page.baseline.perKey.taskMs, "ms")}/key)` },
    {
      section: browser,
      label: "keystroke-to-paint p95, frame clock off (the keystroke's work)",
      value: percentile(unclockedKeys, 95),
      unit: "ms",
      targetBelow: TARGETS.keystrokeP95Ms,
      detail: `${runsList(unclocked.keystrokes.map((run) => percentile(run.samples.map((s) => s.toPaintMs), 95)))}; p50 ${formatValue(median(unclockedKeys), "ms")}; a bare <textarea> ${formatValue(percentile(unclocked.baseline.samples.map((s) => s.toPaintMs), 95), "ms")}`,
    },
    { section: browser, label: "select by mouse drag: main thread per event", value: meanOf(dragThread, "taskMs"), unit: "ms", detail: `(script ${formatValue(meanOf(dragThread, "scriptMs"), "ms")}, layout ${formatValue(meanOf(dragThread, "layoutMs"), "ms")})` },
    { section: browser, label: `add annotation: Ctrl+Enter → highlight p50 (×${adds.length})`, value: median(adds), unit: "ms", detail: runsList(adds) },
    { section: browser, label: "  … → frame rendered p50", value: median(page.adds.map((a) => a.toPaintMs)), unit: "ms" },
    { section: browser, label: "  of which: POST round trip p50", value: median(posts), unit: "ms" },
    { section: browser, label: "  main thread, Ctrl+Enter → painted (mean)", value: meanOf(addThread, "taskMs"), unit: "ms", detail: `(script ${formatValue(meanOf(addThread, "scriptMs"), "ms")}, layout ${formatValue(meanOf(addThread, "layoutMs"), "ms")}, style ${formatValue(meanOf(addThread, "styleMs"), "ms")})` },
  ];
}

function readPackageVersion(name: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  let server: SupervisedServer | null = null;
  let db: Db | null = null;
  const cleanUp = async () => {
    await server?.stop();
    server = null;
    fs.rmSync(APP_SNAPSHOT_DIR, { recursive: true, force: true });
    await db?.$disconnect();
    db = null;
  };
  const watchdog = setTimeout(() => {
    console.error(`[bench] still running after ${WATCHDOG_MS / 60_000} minutes: giving up.`);
    void cleanUp().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`[bench] ${signal}: stopping.`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    log("seeding a fresh database under data/bench/ …");
    const databaseUrl = prepareDatabaseFile(BENCH_DIR);
    db = createDatabaseClient(databaseUrl);
    const seedStarted = performance.now();
    const corpus = await seedBenchCorpus(db, { targetChars: TARGET_CHARS, annotationCount: ANNOTATIONS, seed: SEED });
    log(
      `document: ${corpus.text.length.toLocaleString("en")} characters in ${corpus.blockCount.toLocaleString("en")} blocks; ` +
        `${corpus.annotationCount.toLocaleString("en")} annotations (${corpus.privateCount} private, ${corpus.overlappingCount} overlapping) in ${Math.round(performance.now() - seedStarted)} ms`,
    );

    const floor = await seedFloorDocument(db, corpus, { ...FLOOR, seed: SEED + 1 });
    log(`short document: ${floor.characters.toLocaleString("en")} characters, ${floor.annotationCount} annotations`);

    log("timing the services in-process …");
    const services = await measureServices(db, corpus, { databaseFile: databaseFilePath(databaseUrl) });

    const buildId = await snapshotBuild(PROJECT_ROOT, APP_SNAPSHOT_DIR);
    // The reading view's baselines (measure-reader.ts), served from the snapshot's public/ folder.
    const readerDocuments = [
      await loadReaderDocument(db, { label: "6 kB", documentId: floor.documentId, userId: corpus.userId }),
      await loadReaderDocument(db, { label: "1 MB", documentId: corpus.documentId, userId: corpus.userId }),
    ];
    await writeBaselinePages(path.join(APP_SNAPSHOT_DIR, "public"), readerDocuments);
    const stale = staleBuildSources(PROJECT_ROOT);
    if (stale.length > 0) log(`warning: ${stale.length} source file(s) are newer than the build (e.g. ${stale.slice(0, 3).join(", ")}); run \`npx next build\` to measure them.`);
    log(`starting next start on port ${PORT} (build ${buildId}, copied to ${APP_SNAPSHOT_DIR}) …`);
    server = await SupervisedServer.start({ appDir: APP_SNAPSHOT_DIR, port: PORT, databaseUrl, logFile: path.join(BENCH_DIR, "server.log"), authSecret: randomBytes(32).toString("base64url") });
    const page = await measureInBrowser(server, db, corpus, floor);
    log("the reading view against a bare ProseMirror page and a static HTML page (measure-reader.ts) …");
    const running = server;
    const reader = await running.guard("reader baselines", () => measureReaderAgainst(running.baseUrl, readerDocuments, { chromiumPath: CHROMIUM_PATH, log: (message) => log(`reader: ${message}`) }));
    const serverRestarts = server.restarts;
    await server.stop();
    server = null;
    // Someone rebuilt this checkout meanwhile: the server ran on its own copy, but the build took CPU.
    const buildChanged = buildInProgress(PROJECT_ROOT) || readBuildId(PROJECT_ROOT) !== buildId;

    // After the server has stopped, so neither section shares the CPUs with the other.
    log("timing exports of 100,000 annotations in-process (data/bench/export/) …");
    const exports = await measureExports({ directory: path.join(BENCH_DIR, "export"), log: (message) => log(`exports: ${message}`) });

    log("importing 100 generated 20-page PDFs beside pdftotext (data/bench/corpus-import/) …");
    const corpusImport = await measureCorpusImport({ directory: path.join(BENCH_DIR, "corpus-import"), log: (message) => log(`corpus import: ${message}`) });

    log("timing search over a generated corpus in-process (data/bench/search/) …");
    const search = await measureSearch({ directory: path.join(BENCH_DIR, "search"), log: (message) => log(`search: ${message}`) });

    log("timing the classroom: 200 students × 100 marks on a 50-page document (data/bench-classroom/) …");
    const classroom = await measureClassroom();

    log("the same services on PostgreSQL and on SQLite, as ratios (BENCH_POSTGRES_URL; skipped without a server) …");
    const postgresRatios = await measurePostgresRatios();

    const results = evaluateMetrics([...buildMetrics(services, page, floor), ...exportMetrics(exports), ...corpusImportMetrics(corpusImport), ...searchMetrics(search)]);
    const cpus = os.cpus();
    const machine = {
      node: process.version,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      memoryGb: round(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      chromium: page.chromiumVersion,
      next: readPackageVersion("next"),
      buildId,
      buildChangedDuringRun: buildChanged,
      serverRestarts,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
    };
    const durationSeconds = round((performance.now() - started) / 1000);
    console.log("");
    console.log(`Machine: Node ${machine.node} · ${machine.cpus} CPUs (${machine.cpuModel}) · ${machine.memoryGb} GB · ${machine.os}`);
    console.log(`Load:    1/5/15-min load average ${machine.loadAverageAtStart.join(" / ")} at start, ${machine.loadAverageAtEnd.join(" / ")} at end`);
    console.log(`Browser: Chromium ${machine.chromium} (headless) · Next.js ${machine.next} production build ${machine.buildId}`);
    console.log(
      `Corpus:  ${corpus.text.length.toLocaleString("en")} characters, ${corpus.blockCount.toLocaleString("en")} blocks, ` +
        `${corpus.annotationCount.toLocaleString("en")} annotations (${corpus.privateCount} private by the same user, ${corpus.overlappingCount} overlapping)`,
    );
    console.log(
      `Exports: ${exports.corpus.annotationCount.toLocaleString("en")} annotations on ${exports.corpus.documentIds.length} documents ` +
        `(${exports.corpus.characters.toLocaleString("en")} characters), ${exports.corpus.replyCount.toLocaleString("en")} replies, ${exports.corpus.linkCount.toLocaleString("en")} links`,
    );
    if (serverRestarts.length > 0) console.log(`Note:    the server was ended from outside ${serverRestarts.length} time(s) and restarted; the step it broke was repeated (${serverRestarts.join("; ")}).`);
    if (buildChanged) console.log("Note:    someone rebuilt this checkout during the run; the server ran on its own copy of the build, but the figures shared the CPUs with that build.");
    console.log("");
    console.log(formatTable(results));
    console.log("");
    console.log(formatReaderTable(readerRatios(reader)));
    console.log("");
    console.log(formatClassroom(classroom));
    console.log("");
    if (postgresRatios) {
      console.log(formatPostgresRatios(postgresRatios));
      console.log("");
    }
    const misses = results.filter((r) => r.pass === false).length;
    console.log(`${results.filter((r) => r.pass === true).length} target(s) met, ${misses} missed · bench took ${durationSeconds} s · results in ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);

    writeResults(RESULTS_FILE, {
      startedAt,
      durationSeconds,
      machine,
      corpus: {
        characters: corpus.text.length,
        blocks: corpus.blockCount,
        annotations: corpus.annotationCount,
        privateAnnotations: corpus.privateCount,
        overlappingAnnotations: corpus.overlappingCount,
        seed: SEED,
      },
      floorDocument: floor,
      exportCorpus: {
        documents: exports.corpus.documentIds.length,
        characters: exports.corpus.characters,
        annotations: exports.corpus.annotationCount,
        privateAnnotations: exports.corpus.privateCount,
        taggedAnnotations: exports.corpus.taggedCount,
        replies: exports.corpus.replyCount,
        links: exports.corpus.linkCount,
        seed: exports.corpus.plan.seed,
      },
      targets: { ...TARGETS, ...EXPORT_TARGETS },
      metrics: results,
      raw: {
        services,
        html: page.html,
        readyRuns: page.ready,
        floorReadyRuns: page.floorReady,
        keystrokeRuns: page.keystrokes,
        keystrokeBaseline: page.baseline,
        keystrokeRunsWithoutFrameClock: page.unclocked.keystrokes,
        keystrokeBaselineWithoutFrameClock: page.unclocked.baseline,
        addAnnotationRuns: page.adds,
        httpSavesMs: page.httpSavesMs,
        reader: { figures: reader, ratios: readerRatios(reader) },
        exports: { seedMs: exports.seedMs, formats: exports.formats, phases: exports.phases, import: exports.import },
      },
    });
    process.exitCode = 0;
  } finally {
    clearTimeout(watchdog);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanUp();
  }
}

// Fails unless main finishes: an unsettled run must not look like success.
process.exitCode = 1;
main().catch((error: unknown) => {
  console.error("[bench] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
