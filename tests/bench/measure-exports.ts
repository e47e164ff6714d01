// Export figures for the issue's target: "a set of 100,000 annotations exports in under 3 s on
// this machine without blocking the server for more than 50 ms at a time". Seeds its own SQLite
// file (data/bench/export/export.db), then exports the whole set in-process through the same
// reader and stream the export route uses, consuming the body as a client would, while a 1 ms
// ticker records how long the event loop was held. Also imports the bundle once (no target).
// Part of `npm run bench`; runs alone too: `npx tsx tests/bench/measure-exports.ts`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabaseClient, type Db } from "../../lib/db";
import { streamExport } from "../../lib/export/export-stream";
import { openExportReader } from "../../lib/export/read-export-set";
import { importFile } from "../../lib/import/import-file";
import type { ImportReport } from "../../lib/import/import-plan";
import { planFromBundle } from "../../lib/import/plan-from-bundle";
import { readBundle } from "../../lib/import/read-bundle";
import type { ExportFormat } from "../../lib/validations/export-selection";
import { createWorkspace } from "../../lib/workspaces/create-workspace";
import { startEventLoopProbe, type EventLoopFigures } from "./event-loop-probe";
import { profileExportPhases, type ExportPhases } from "./profile-export-phases";
import { evaluateMetrics, formatTable, formatValue, writeResults, type Metric, loadAverage, machineLines } from "./report";
import { prepareDatabaseFile } from "./seed-bench-database";
import { seedExportCorpus, type ExportCorpus, type ExportCorpusPlan } from "./seed-export-database";
import { max, percentile, round } from "./stats";

export const EXPORT_TARGETS = { exportTotalMs: 3000, exportMaxBlockMs: 50 };

export const EXPORT_CORPUS_PLAN: ExportCorpusPlan = {
  documents: 10,
  charsPerDocument: 100_000,
  annotationCount: 100_000,
  linkCount: 2_000,
  replyShare: 0.05,
  seed: 0x1926_0101,
};

/** Written a batch at a time: what the target is about. */
const STREAMED_FORMATS: ExportFormat[] = ["w3c", "csv", "links-csv", "bundle"];
/** The set's (or a document's) annotations gathered first, then written a piece at a time (TEI per document, the report as one page). */
const GATHERED_FORMATS: ExportFormat[] = ["tei", "report"];
const RUNS = 3;
/** A gathered format is repeated only if its first run took less than this. */
const REPEAT_BUDGET_MS = 20_000;
const BASE_URL = "https://workbench.example.org";
const SECTION = "exports, 100,000 annotations, in-process";

export interface ExportRun {
  /** openExportReader to the last byte read from the body. */
  totalMs: number;
  firstByteMs: number;
  bytes: number;
  chunks: number;
  loop: EventLoopFigures;
}

export interface FormatFigures {
  format: ExportFormat;
  filename: string;
  runs: ExportRun[];
}

export interface ImportFigures {
  totalMs: number;
  /** Diagnostics, timed apart before the import: unzipping and validating the bundle, then planning it. */
  readBundleMs: number;
  planMs: number;
  bundleBytes: number;
  loop: EventLoopFigures;
  report: Pick<ImportReport, "annotations" | "anchoring" | "replies" | "links" | "tagsCreated"> & { documents: number; warnings: number };
}

export interface ExportResults {
  corpus: ExportCorpus & { plan: ExportCorpusPlan };
  seedMs: number;
  formats: FormatFigures[];
  phases: ExportPhases;
  import: ImportFigures;
}

/** Which of a body's chunks a run holds on to: what checkOutput and the import need, nothing more. */
type Keep = "all" | "last" | "none";

function keepFor(format: ExportFormat): Keep {
  if (format === "w3c") return "last";
  return format === "csv" || format === "links-csv" || format === "bundle" ? "all" : "none";
}

/** Reads a body to its end as a client would, a chunk at a time, holding on to the chunks asked for. */
async function consume(body: ReadableStream<Uint8Array>, keep: Keep, started: number) {
  const stream = body.getReader();
  const kept: Uint8Array[] = [];
  let bytes = 0;
  let chunks = 0;
  let firstByteMs = Number.NaN;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    if (chunks === 0) firstByteMs = performance.now() - started;
    bytes += value.byteLength;
    chunks += 1;
    if (keep === "all") kept.push(value);
    else if (keep === "last") kept[0] = value;
  }
  return { bytes, chunks, firstByteMs, kept };
}

async function exportOnce(corpus: ExportCorpus, format: ExportFormat, keep: Keep) {
  const probe = startEventLoopProbe();
  const started = performance.now();
  // Opening counts: it reads the documents' texts and counts the set, synchronously.
  const reader = await openExportReader({ userId: corpus.userId, workspaceId: corpus.workspaceId, selection: { documentIds: [] }, databaseFile: corpus.databaseFile });
  try {
    const file = streamExport(reader, format, { baseUrl: BASE_URL, now: new Date() });
    const read = await consume(file.body, keep, started);
    const totalMs = performance.now() - started;
    const loop = probe.stop();
    if (read.bytes === 0) throw new Error(`The ${format} export was empty.`);
    return { filename: file.filename, run: { totalMs, firstByteMs: read.firstByteMs, bytes: read.bytes, chunks: read.chunks, loop }, kept: read.kept };
  } finally {
    probe.stop();
    reader.close();
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Rows of an RFC 4180 text: line feeds outside quoted fields (quotes, notes and context may hold line breaks). */
function countCsvRows(chunks: Uint8Array[]): number {
  let rows = 0;
  let quoted = false;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      // A doubled quote inside a quoted field toggles twice: no net change, as it should be.
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) rows += 1;
    }
  }
  return rows;
}

/**
 * A cheap check that the file measured holds the whole set, so a truncated export cannot pass
 * for a fast one. (The bundle is checked by importing it.)
 */
function checkOutput(format: ExportFormat, chunks: Uint8Array[], corpus: ExportCorpus): void {
  if (format === "csv") {
    const rows = countCsvRows(chunks) - 1;
    if (rows !== corpus.annotationCount) throw new Error(`The CSV export has ${rows} rows, expected ${corpus.annotationCount}.`);
  } else if (format === "links-csv") {
    const rows = countCsvRows(chunks) - 1;
    if (rows !== corpus.linkCount) throw new Error(`The links CSV has ${rows} rows, expected ${corpus.linkCount}.`);
  } else if (format === "w3c") {
    const tail = new TextDecoder().decode(chunks[chunks.length - 1] ?? new Uint8Array());
    const total = Number(/"total":(\d+)\}\s*$/.exec(tail)?.[1]);
    const expected = corpus.annotationCount + corpus.replyCount + corpus.linkCount;
    if (total !== expected) throw new Error(`The W3C export says it holds ${total} items, expected ${expected}.`);
  }
}

async function measureFormat(corpus: ExportCorpus, format: ExportFormat, log: (message: string) => void, onBytes?: (bytes: Uint8Array) => void): Promise<FormatFigures> {
  const runs: ExportRun[] = [];
  let filename = "";
  for (let run = 0; run < RUNS; run++) {
    // The first run's output is checked (and the bundle imported later); later runs keep nothing.
    const result = await exportOnce(corpus, format, run === 0 ? keepFor(format) : "none");
    filename = result.filename;
    runs.push(result.run);
    log(
      `${format} run ${run + 1}: ${Math.round(result.run.totalMs)} ms, ${formatValue(result.run.bytes, "bytes")}, ` +
        `longest event-loop gap ${round(result.run.loop.maxGapMs)} ms (at ${Math.round(result.run.loop.maxGapAtMs)} ms)`,
    );
    if (run === 0) {
      checkOutput(format, result.kept, corpus);
      onBytes?.(concat(result.kept));
      if (GATHERED_FORMATS.includes(format) && result.run.totalMs >= REPEAT_BUDGET_MS) {
        log(`${format}: one run only (it took over ${REPEAT_BUDGET_MS / 1000} s)`);
        break;
      }
    }
  }
  return { format, filename, runs };
}

async function measureImport(db: Db, corpus: ExportCorpus, bundle: Uint8Array): Promise<ImportFigures> {
  const actor = { id: corpus.userId };
  const target = await createWorkspace(db, { actor, input: { name: "Import bench workspace", description: "The export bench's bundle, imported." } });
  const readStarted = performance.now();
  // Awaited: readBundle may give the event loop turns while it unzips.
  const contents = await readBundle(bundle);
  const readBundleMs = performance.now() - readStarted;
  const planStarted = performance.now();
  planFromBundle(contents);
  const planMs = performance.now() - planStarted;

  const probe = startEventLoopProbe();
  const started = performance.now();
  const report = await importFile(db, { actor, workspaceId: target.id, input: { bytes: bundle, documentId: null, databaseFile: corpus.databaseFile } });
  const totalMs = performance.now() - started;
  const loop = probe.stop();
  if (report.annotations !== corpus.annotationCount || report.links !== corpus.linkCount || report.replies !== corpus.replyCount) {
    throw new Error(
      `The bundle imported ${report.annotations} annotations, ${report.replies} replies and ${report.links} links; ` +
        `expected ${corpus.annotationCount}, ${corpus.replyCount} and ${corpus.linkCount}.`,
    );
  }
  return {
    totalMs,
    readBundleMs,
    planMs,
    bundleBytes: bundle.byteLength,
    loop,
    report: {
      documents: report.documentsCreated.length,
      annotations: report.annotations,
      anchoring: report.anchoring,
      replies: report.replies,
      links: report.links,
      tagsCreated: report.tagsCreated,
      warnings: report.warnings.length,
    },
  };
}

/** Seeds `directory`/export.db (the folder is emptied first) and measures every format, then the import. */
export async function measureExports({ directory, log }: { directory: string; log: (message: string) => void }): Promise<ExportResults> {
  const databaseUrl = prepareDatabaseFile(directory, "export.db");
  const databaseFile = path.join(directory, "export.db");
  const db = createDatabaseClient(databaseUrl);
  try {
    const seedStarted = performance.now();
    const corpus = await seedExportCorpus(db, databaseFile, EXPORT_CORPUS_PLAN);
    const seedMs = performance.now() - seedStarted;
    log(
      `export set: ${corpus.annotationCount.toLocaleString("en")} annotations on ${corpus.documentIds.length} documents ` +
        `(${corpus.characters.toLocaleString("en")} characters), ${corpus.replyCount.toLocaleString("en")} replies, ` +
        `${corpus.linkCount.toLocaleString("en")} links, seeded in ${Math.round(seedMs)} ms`,
    );

    let bundle: Uint8Array | null = null;
    const formats: FormatFigures[] = [];
    for (const format of [...STREAMED_FORMATS, ...GATHERED_FORMATS]) {
      formats.push(await measureFormat(corpus, format, log, format === "bundle" ? (bytes) => (bundle = bytes) : undefined));
    }

    log("profiling where an export's time goes …");
    const phases = await profileExportPhases(corpus, { baseUrl: BASE_URL });

    if (!bundle) throw new Error("The bundle export produced no bytes to import.");
    log("importing the bundle into a fresh workspace …");
    const imported = await measureImport(db, corpus, bundle);
    log(`import: ${Math.round(imported.totalMs)} ms, longest event-loop gap ${Math.round(imported.loop.maxGapMs)} ms`);
    return { corpus: { ...corpus, plan: EXPORT_CORPUS_PLAN }, seedMs, formats, phases, import: imported };
  } finally {
    await db.$disconnect();
  }
}

function runsList(values: number[]): string {
  return `(runs: ${values.map((v) => formatValue(v, "ms").replace(" ms", "")).join(", ")})`;
}

export function exportMetrics(results: ExportResults): Metric[] {
  const metrics: Metric[] = [];
  for (const { format, runs } of results.formats) {
    const totals = runs.map((r) => r.totalMs);
    const gaps = runs.map((r) => r.loop.maxGapMs);
    const worst = runs.reduce((a, b) => (b.loop.maxGapMs > a.loop.maxGapMs ? b : a));
    const gathered = GATHERED_FORMATS.includes(format);
    metrics.push(
      {
        section: SECTION,
        label: `${format}${gathered ? " (gathered first)" : ""}: total p50 (×${runs.length})`,
        value: percentile(totals, 50),
        unit: "ms",
        targetBelow: EXPORT_TARGETS.exportTotalMs,
        detail: runsList(totals),
      },
      { section: SECTION, label: "  first byte p50", value: percentile(runs.map((r) => r.firstByteMs), 50), unit: "ms" },
      {
        section: SECTION,
        label: "  longest event-loop block (worst run)",
        value: max(gaps),
        unit: "ms",
        targetBelow: EXPORT_TARGETS.exportMaxBlockMs,
        detail: `${runsList(gaps)}, ended ${formatValue(worst.loop.maxGapAtMs, "ms")} into ${formatValue(worst.totalMs, "ms")}`,
      },
      { section: SECTION, label: "    first stretch: open + first batch (worst)", value: max(runs.map((r) => r.loop.firstGapMs)), unit: "ms" },
      { section: SECTION, label: "    longest after it (worst)", value: max(runs.map((r) => r.loop.maxLaterGapMs)), unit: "ms" },
      { section: SECTION, label: "  event-loop gap p99 (worst run)", value: max(runs.map((r) => r.loop.p99GapMs)), unit: "ms" },
      { section: SECTION, label: "  file size", value: runs[0]?.bytes ?? Number.NaN, unit: "bytes" },
    );
  }

  const { phases } = results;
  const sql = phases.sqlMs;
  const readingSql = sql.annotationPages + sql.tags + sql.replies + sql.links + sql.prepare + sql.other;
  const diagnostics = "exports: where the time goes (one run each)";
  metrics.push(
    {
      section: diagnostics,
      label: "open reader (documents, tags, COUNT)",
      value: phases.openMs,
      unit: "ms",
      detail: `(COUNT ${formatValue(sql.count, "ms")}, documents ${formatValue(sql.documents, "ms")})`,
    },
    { section: diagnostics, label: "reader alone: every batch + links", value: phases.readerMs, unit: "ms", detail: `(longest gap ${formatValue(phases.readerMaxGapMs, "ms")})` },
    { section: diagnostics, label: "  in SQLite: annotation page SELECTs", value: sql.annotationPages, unit: "ms" },
    { section: diagnostics, label: "  in SQLite: tag + reply lookups", value: sql.tags + sql.replies, unit: "ms", detail: `(tags ${formatValue(sql.tags, "ms")}, replies ${formatValue(sql.replies, "ms")})` },
    { section: diagnostics, label: "  in SQLite: preparing statements", value: sql.prepare, unit: "ms" },
    { section: diagnostics, label: "  rows → export objects (the rest)", value: phases.readerMs - readingSql, unit: "ms" },
    { section: diagnostics, label: "w3c: building the item objects", value: phases.w3cBuildMs, unit: "ms" },
    { section: diagnostics, label: "w3c: JSON.stringify of the items", value: phases.w3cStringifyMs, unit: "ms" },
    { section: diagnostics, label: "w3c: UTF-8 encoding", value: phases.w3cEncodeMs, unit: "ms", detail: `(${formatValue(phases.w3cBytes, "bytes")})` },
    { section: diagnostics, label: "bundle: JSON Lines of the annotations (+ UTF-8)", value: phases.bundleJsonMs, unit: "ms" },
    {
      section: diagnostics,
      label: "bundle: deflate (level 1) of those lines",
      value: phases.bundleDeflateMs,
      unit: "ms",
      detail: `(${formatValue(phases.bundleJsonBytes, "bytes")} → ${formatValue(phases.bundleDeflatedBytes, "bytes")})`,
    },
  );

  const imported = results.import;
  const informational = "import of the bundle (no target)";
  metrics.push(
    { section: informational, label: `bundle import into a fresh workspace (${imported.report.annotations.toLocaleString("en")} annotations)`, value: imported.totalMs, unit: "ms" },
    { section: informational, label: "  longest event-loop block", value: imported.loop.maxGapMs, unit: "ms", detail: `(ended ${formatValue(imported.loop.maxGapAtMs, "ms")} in)` },
    { section: informational, label: "  of which: unzip + validate (readBundle)", value: imported.readBundleMs, unit: "ms" },
    { section: informational, label: "  of which: plan (planFromBundle)", value: imported.planMs, unit: "ms" },
    {
      section: informational,
      label: "  placed exactly / moved / fuzzy / orphaned",
      value: imported.report.anchoring.exact,
      unit: "count",
      detail: `/ ${imported.report.anchoring.moved} / ${imported.report.anchoring.fuzzy} / ${imported.report.anchoring.orphaned}`,
    },
  );
  return metrics;
}

async function main(): Promise<void> {
  const projectRoot = process.cwd();
  const directory = path.join(projectRoot, "data", "bench", "export");
  const log = (message: string) => console.log(`[bench:exports] ${message}`);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  const results = await measureExports({ directory, log });
  const metrics = evaluateMetrics(exportMetrics(results));
  console.log("");
  for (const line of machineLines(loadAtStart)) console.log(line);
  console.log("");
  console.log(formatTable(metrics));
  console.log("");
  const file = path.join(directory, "results.json");
  console.log(`${metrics.filter((m) => m.pass === true).length} target(s) met, ${metrics.filter((m) => m.pass === false).length} missed · took ${round((performance.now() - started) / 1000)} s · results in ${path.relative(projectRoot, file)}`);
  writeResults(file, { startedAt, targets: EXPORT_TARGETS, metrics, raw: results });
}

// Run alone (`npx tsx tests/bench/measure-exports.ts`) rather than imported by run-bench.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = 1;
  main()
    .then(() => {
      process.exitCode = 0;
    })
    .catch((error: unknown) => {
      console.error("[bench:exports] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
