// Corpus import figures for issue 11: 100 generated PDFs of 20 pages each, imported in-process through
// the batch endpoint's service (parsing in the worker pool, storing into a fresh SQLite file), against
// Debian's `pdftotext` (poppler-utils, installed here if missing) on the same files in the same run:
// pages per second as a ratio to pdftotext (goal: within 3×), the text's similarity to pdftotext's
// (goal ≥ 0.98), and the event loop's longest block during the import (goal < 50 ms).
// Part of `npm run bench`; runs alone too: `npx tsx tests/bench/measure-corpus-import.ts`.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabaseClient } from "../../lib/db";
import { importDocumentFiles } from "../../lib/documents/import-document-files";
import { createTestUser, createTestWorkspace } from "../factories";
import { makePdf } from "../fixtures/corpus-files";
import { startEventLoopProbe, type EventLoopFigures } from "./event-loop-probe";
import { createRng } from "./prng";
import { evaluateMetrics, formatTable, writeResults, type Metric, loadAverage, machineLines } from "./report";
import { prepareDatabaseFile } from "./seed-bench-database";
import { round } from "./stats";

export const CORPUS_IMPORT_TARGETS = { ratioToPdftotext: 3, similarity: 0.98, maxBlockMs: 50 };
const FILES = 100;
const PAGES = 20;
const SECTION = "corpus import, 100 PDFs × 20 pages";

const WORDS = (
  "съезд партия индустриализация деревня оппозиция делегат резолюция товарищ пленум доклад " +
  "congress party industrialisation village opposition delegate resolution comrade plenum report " +
  "historians disagree about what the fourteenth congress decided in december and whose account deserves trust"
).split(" ");

export interface CorpusImportResults {
  files: number;
  pages: number;
  pdftotextMs: number;
  importMs: number;
  pdftotextPagesPerSecond: number;
  importPagesPerSecond: number;
  ratio: number;
  similarity: number;
  minSimilarity: number;
  eventLoop: EventLoopFigures;
  idleEventLoop: EventLoopFigures;
  stored: number;
  pdftotextVersion: string;
}

function ensurePdftotext(log: (message: string) => void): string {
  const probe = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  if (probe.status !== 0 && probe.error) {
    log("pdftotext is missing: installing Debian's poppler-utils …");
    execFileSync("apt-get", ["install", "-y", "-qq", "poppler-utils"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  }
  const version = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  return (version.stderr || version.stdout).split("\n")[0]?.trim() ?? "pdftotext";
}

/** Words, lower-cased, without punctuation: what a reader compares. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice similarity of two texts' word multisets: 1 when they hold the same words as often. */
export function wordSimilarity(a: string, b: string): number {
  const counts = new Map<string, number>();
  const left = words(a);
  const right = words(b);
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(word, n - 1);
    }
  }
  return left.length + right.length === 0 ? 1 : (2 * shared) / (left.length + right.length);
}

async function generatePdfs(directory: string): Promise<string[]> {
  fs.mkdirSync(directory, { recursive: true });
  const rng = createRng(0x1925);
  const sentence = () => {
    const n = rng.int(8, 18);
    const list = Array.from({ length: n }, () => rng.pick(WORDS));
    return `${list.join(" ")}.`.replace(/^./, (c) => c.toUpperCase());
  };
  const files: string[] = [];
  for (let f = 0; f < FILES; f += 1) {
    const file = path.join(directory, `source-${String(f).padStart(3, "0")}.pdf`);
    if (!fs.existsSync(file)) {
      const pages = Array.from({ length: PAGES }, (_, p) => ({
        ...(p % 5 === 0 ? { heading: `Глава ${p / 5 + 1}` } : {}),
        paragraphs: Array.from({ length: 4 }, () => Array.from({ length: 3 }, sentence).join(" ")),
      }));
      fs.writeFileSync(file, await makePdf(pages, { title: `Bench source ${f}` }));
    }
    files.push(file);
  }
  return files;
}

export async function measureCorpusImport({ directory, log }: { directory: string; log: (message: string) => void }): Promise<CorpusImportResults> {
  const pdftotextVersion = ensurePdftotext(log);
  log(`generating ${FILES} PDFs of ${PAGES} pages in ${path.relative(process.cwd(), directory)}/pdfs …`);
  const files = await generatePdfs(path.join(directory, "pdfs"));
  const bytes = files.map((file) => new Uint8Array(fs.readFileSync(file)));

  log("pdftotext, one file after another …");
  const reference: string[] = [];
  let started = performance.now();
  for (const file of files) reference.push(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
  const pdftotextMs = performance.now() - started;

  const databaseUrl = prepareDatabaseFile(path.join(directory, "db"), "corpus.db");
  const db = createDatabaseClient(databaseUrl);
  try {
    const owner = await createTestUser(db);
    const workspaceId = (await createTestWorkspace(db, owner)).id;
    // The worker pool starts on first use (tsx, pdf.js) and Prisma compiles a query shape on first use:
    // warm both with one file stored before the measured run, as a running server would be.
    await importDocumentFiles(db, { actor: owner, workspaceId, files: [{ fileName: "warm.pdf", bytes: bytes[0]! }] });

    // The bare baseline: the same probe with nothing to do, on the same (shared) machine. Its gaps
    // are the operating system's scheduling, which no code of ours can go below.
    log("event-loop probe, idle, 5 s …");
    const idleProbe = startEventLoopProbe();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idleEventLoop = idleProbe.stop();

    log("importing through the worker pool into SQLite, with a 1 ms event-loop probe …");
    const probe = startEventLoopProbe();
    started = performance.now();
    // As the batch endpoint does: all 100 files in one call.
    const { results } = await importDocumentFiles(db, { actor: owner, workspaceId, files: files.map((file, i) => ({ fileName: path.basename(file), bytes: bytes[i]! })) });
    const importMs = performance.now() - started;
    const eventLoop = probe.stop();

    const similarities: number[] = [];
    const outcomes = results.map((result) => ({ documentId: result.ok ? result.id : null }));
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.documentId) throw new Error(`${results[i]?.file} was not stored: ${JSON.stringify(results[i])}`);
      const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId: outcome.documentId }, select: { text: true } });
      similarities.push(wordSimilarity(revision.text, reference[i]!));
    }
    const pages = FILES * PAGES;
    return {
      files: FILES,
      pages,
      pdftotextMs,
      importMs,
      pdftotextPagesPerSecond: pages / (pdftotextMs / 1000),
      importPagesPerSecond: pages / (importMs / 1000),
      ratio: importMs / pdftotextMs,
      similarity: similarities.reduce((a, b) => a + b, 0) / similarities.length,
      minSimilarity: Math.min(...similarities),
      eventLoop,
      idleEventLoop,
      stored: outcomes.filter((o) => o.documentId).length,
      pdftotextVersion,
    };
  } finally {
    await db.$disconnect();
  }
}

export function corpusImportMetrics(results: CorpusImportResults): Metric[] {
  return [
    { section: SECTION, label: "pdftotext (baseline)", value: round(results.pdftotextPagesPerSecond), unit: "count", detail: `pages/s, ${round(results.pdftotextMs)} ms in all` },
    { section: SECTION, label: "import (parse + store)", value: round(results.importPagesPerSecond), unit: "count", detail: `pages/s, ${round(results.importMs)} ms in all, ${results.stored} stored` },
    { section: SECTION, label: "import time ÷ pdftotext time", value: round(results.ratio, 2), unit: "count", targetBelow: CORPUS_IMPORT_TARGETS.ratioToPdftotext },
    { section: SECTION, label: "text similarity to pdftotext", value: round(results.similarity, 4), unit: "count", detail: `(words, Dice; lowest file ${round(results.minSimilarity, 4)}; goal ≥ ${CORPUS_IMPORT_TARGETS.similarity})` },
    { section: SECTION, label: "longest event-loop block", value: results.eventLoop.maxGapMs, unit: "ms", targetBelow: CORPUS_IMPORT_TARGETS.maxBlockMs, detail: `p99 gap ${round(results.eventLoop.p99GapMs)} ms` },
    { section: SECTION, label: "same probe, idle (baseline)", value: results.idleEventLoop.maxGapMs, unit: "ms", detail: `p99 gap ${round(results.idleEventLoop.p99GapMs)} ms: the machine's own scheduling` },
  ];
}

async function main(): Promise<void> {
  const projectRoot = process.cwd();
  const directory = path.join(projectRoot, "data", "bench", "corpus-import");
  const log = (message: string) => console.log(`[bench:corpus-import] ${message}`);
  const loadAtStart = loadAverage();
  const results = await measureCorpusImport({ directory, log });
  const metrics = evaluateMetrics(corpusImportMetrics(results));
  console.log("");
  for (const line of machineLines(loadAtStart, results.pdftotextVersion)) console.log(line);
  console.log("");
  console.log(formatTable(metrics));
  const similarityMet = results.similarity >= CORPUS_IMPORT_TARGETS.similarity;
  console.log(`\nSimilarity goal (≥ ${CORPUS_IMPORT_TARGETS.similarity}): ${similarityMet ? "met" : "missed"}.`);
  writeResults(path.join(directory, "results.json"), { targets: CORPUS_IMPORT_TARGETS, metrics, raw: results });
}

// Run alone (`npx tsx tests/bench/measure-corpus-import.ts`) rather than imported by run-bench.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = 1;
  main()
    .then(() => {
      process.exitCode = 0;
    })
    .catch((error: unknown) => {
      console.error("[bench:corpus-import] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
