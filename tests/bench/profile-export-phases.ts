import Database from "better-sqlite3";
import { Deflate } from "fflate";
import { openExportReader, type ExportReader } from "../../lib/export/read-export-set";
import { createW3cItemBuilder } from "../../lib/export/w3c-annotations";
import { startEventLoopProbe } from "./event-loop-probe";
import type { ExportCorpus } from "./seed-export-database";

/**
 * Where an export's time goes, for when a target is missed: the same reader the export uses,
 * then the steps the streamed formats add, each timed alone over the same batches. Diagnostics,
 * one run each: the parts need not add up exactly to a measured export (that one also waits for
 * its consumer and crosses a ReadableStream per chunk).
 */
export interface ExportPhases {
  /** openExportReader: documents with their texts, tags, the COUNT. */
  openMs: number;
  /** Every batch and the links, read and turned into export objects; nothing built from them. */
  readerMs: number;
  readerMaxGapMs: number;
  /**
   * Time inside better-sqlite3 (preparing, stepping, making row objects), by statement, while
   * opening and reading: what of openMs and readerMs is SQLite's rather than the reader's mapping.
   */
  sqlMs: Record<SqlStatementKind, number>;
  w3cBuildMs: number;
  w3cStringifyMs: number;
  w3cEncodeMs: number;
  w3cBytes: number;
  bundleJsonMs: number;
  bundleJsonBytes: number;
  bundleDeflateMs: number;
  bundleDeflatedBytes: number;
}

export type SqlStatementKind = "count" | "documents" | "annotationPages" | "tags" | "replies" | "links" | "prepare" | "other";

/** Which of the reader's statements some SQL is, told from its text (unknown text counts as "other"). */
function statementKind(sql: string): SqlStatementKind {
  if (/COUNT\(\*\)/.test(sql)) return "count";
  if (/FROM "Annotation" a JOIN/.test(sql)) return "annotationPages";
  if (/FROM "AnnotationTag"/.test(sql)) return "tags";
  if (/FROM "AnnotationReply"/.test(sql)) return "replies";
  if (/FROM "AnnotationLink"/.test(sql)) return "links";
  if (/FROM "Document(Revision)?"/.test(sql)) return "documents";
  return "other";
}

/**
 * Counts the time spent in better-sqlite3's prepare and all/get while `work` runs, by wrapping
 * them on the shared prototypes (the reader's connection is private to it) and putting them back
 * afterwards. Nothing else may use SQLite meanwhile.
 */
async function withSqlTimer<T>(work: (sqlMs: Record<SqlStatementKind, number>) => Promise<T>): Promise<T> {
  const sqlMs: Record<SqlStatementKind, number> = { count: 0, documents: 0, annotationPages: 0, tags: 0, replies: 0, links: 0, prepare: 0, other: 0 };
  const scratch = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<string, unknown>;
  scratch.close();
  const databaseProto = Database.prototype as unknown as Record<string, unknown>;
  const wrapped: [Record<string, unknown>, string, unknown][] = [];
  const wrap = (target: Record<string, unknown>, name: string, kindOf: (self: unknown) => SqlStatementKind) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    wrapped.push([target, name, original]);
    target[name] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        sqlMs[kindOf(this)] += performance.now() - started;
      }
    };
  };
  wrap(databaseProto, "prepare", () => "prepare");
  for (const name of ["all", "get"]) wrap(statementProto, name, (statement) => statementKind((statement as { source?: string }).source ?? ""));
  try {
    return await work(sqlMs);
  } finally {
    for (const [target, name, original] of wrapped) target[name] = original;
  }
}

function open(corpus: ExportCorpus): Promise<ExportReader> {
  return openExportReader({ userId: corpus.userId, workspaceId: corpus.workspaceId, selection: { documentIds: [] }, databaseFile: corpus.databaseFile });
}

export async function profileExportPhases(corpus: ExportCorpus, { baseUrl }: { baseUrl: string }): Promise<ExportPhases> {
  // Pass 1: the reader alone, with the time inside SQLite counted apart.
  const { openMs, readerMs, readerMaxGapMs, sqlMs } = await withSqlTimer(async (sqlMs) => {
    const openStarted = performance.now();
    const reader = await open(corpus);
    const openMs = performance.now() - openStarted;
    try {
      const probe = startEventLoopProbe();
      const started = performance.now();
      for await (const batch of reader.annotationBatches()) void batch;
      reader.links();
      return { openMs, readerMs: performance.now() - started, readerMaxGapMs: probe.stop().maxGapMs, sqlMs };
    } finally {
      reader.close();
    }
  });

  // Pass 2: what the streamed formats do with each batch, step by step.
  const reader = await open(corpus);
  const encoder = new TextEncoder();
  const phases = { w3cBuildMs: 0, w3cStringifyMs: 0, w3cEncodeMs: 0, w3cBytes: 0, bundleJsonMs: 0, bundleJsonBytes: 0, bundleDeflateMs: 0, bundleDeflatedBytes: 0 };
  const deflate = new Deflate({ level: 1 }, (chunk) => {
    phases.bundleDeflatedBytes += chunk.byteLength;
  });
  try {
    const builder = createW3cItemBuilder(reader, { baseUrl, now: new Date() });
    let at = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = now - at;
      at = now;
      return ms;
    };
    for await (const batch of reader.annotationBatches()) {
      lap();
      const items = batch.flatMap((annotation) => builder.annotationItems(annotation));
      phases.w3cBuildMs += lap();
      const json = items.map((item) => JSON.stringify(item)).join(",\n");
      phases.w3cStringifyMs += lap();
      phases.w3cBytes += encoder.encode(json).byteLength;
      phases.w3cEncodeMs += lap();
      const lines = encoder.encode(batch.map((annotation) => `${JSON.stringify(annotation)}\n`).join(""));
      phases.bundleJsonBytes += lines.byteLength;
      phases.bundleJsonMs += lap();
      deflate.push(lines);
      phases.bundleDeflateMs += lap();
    }
    lap();
    deflate.push(new Uint8Array(0), true);
    phases.bundleDeflateMs += lap();
  } finally {
    reader.close();
  }
  return { openMs, readerMs, readerMaxGapMs, sqlMs, ...phases };
}
