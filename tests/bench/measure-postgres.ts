// The same service and export figures on SQLite and on PostgreSQL in one run, as ratios PostgreSQL ÷ SQLite:
// an annotation save (p50, p99), the document page's reading projection (p50), a search (p95) and a W3C
// export of EXPORT_ANNOTATIONS annotations. Each engine runs in a child process of its own (the engine is
// chosen per process, by DATABASE_URL), one after the other, on the same generated text.
//   npx tsx tests/bench/measure-postgres.ts            (needs a PostgreSQL server: BENCH_POSTGRES_URL,
//                                                       default postgresql://postgres@127.0.0.1:55432/postgres;
//                                                       scripts/pg-cluster.sh start starts one)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createAnnotation } from "../../lib/annotations/create-annotation";
import { getDb } from "../../lib/db";
import { getDocumentPage } from "../../lib/documents/get-document-page";
import { streamExport } from "../../lib/export/export-stream";
import { openExportReader } from "../../lib/export/read-export-set";
import { searchWorkspace } from "../../lib/search/search-workspace";
import { migrateDatabase } from "../../prisma/migrate-database";
import { createTestDocument, createTestUser, createTestWorkspace } from "../factories";
import { createDatabase, databaseUrlOn, dropDatabases } from "../integration/postgres-test-databases";
import { generateDocumentText, planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng } from "./prng";
import { percentile, round, timed } from "./stats";

const SAVES = 200;
const WARM_UP = 5;
const PAGE_READS = 20;
const SEARCHES = 30;
const EXPORT_ANNOTATIONS = Number(process.env.BENCH_PG_EXPORT_ANNOTATIONS ?? 20_000);
const TEXT_CHARACTERS = 200_000;
const SEARCH_WORDS = ["congress", "delegates", "opposition", "figure", "harvest", "party", "press", "archive"];

export interface EngineFigures {
  engine: string;
  saveP50Ms: number;
  saveP99Ms: number;
  readingProjectionP50Ms: number;
  searchP95Ms: number;
  exportW3cMs: number;
  exportAnnotations: number;
}

async function measureThisEngine(): Promise<EngineFigures> {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  migrateDatabase(databaseUrl);
  const db = getDb();
  const rng = createRng(0x9e_57);
  const owner = await createTestUser(db);
  const workspace = await createTestWorkspace(db, owner);
  const document = await createTestDocument(db, owner, workspace.id, { title: "Bench text", text: generateDocumentText(rng, TEXT_CHARACTERS) });
  const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId: document.id }, select: { id: true, text: true } });
  const actor = { id: owner.id };

  const saves: number[] = [];
  const spans = planSpans(rng, revision.text, WARM_UP + SAVES, 0.2);
  for (const [i, span] of spans.entries()) {
    const input = { ...planAnnotationBody(rng, []), revisionId: revision.id, start: span.start, end: span.end, exact: revision.text.slice(span.start, span.end) };
    const { ms } = await timed(() => createAnnotation(db, { actor, documentId: document.id, input }));
    if (i >= WARM_UP) saves.push(ms);
  }

  // The export set: bulk rows (Prisma createMany on both engines), spread over the text.
  const bulk = planSpans(rng, revision.text, EXPORT_ANNOTATIONS - spans.length, 0.2);
  for (let from = 0; from < bulk.length; from += 1000) {
    await db.annotation.createMany({
      data: bulk.slice(from, from + 1000).map((span) => ({
        workspaceId: workspace.id,
        documentId: document.id,
        authorId: owner.id,
        madeOnRevisionId: revision.id,
        anchorRevisionId: revision.id,
        start: span.start,
        end: span.end,
        exact: revision.text.slice(span.start, span.end),
        kind: "CLAIM" as const,
        note: "Bulk annotation for the export figure.",
      })),
    });
  }

  const pages: number[] = [];
  for (let i = 0; i < WARM_UP + PAGE_READS; i++) {
    const { ms } = await timed(() => getDocumentPage({ actor, documentId: document.id }));
    if (i >= WARM_UP) pages.push(ms);
  }

  const searches: number[] = [];
  for (let i = 0; i < WARM_UP + SEARCHES; i++) {
    const q = SEARCH_WORDS[i % SEARCH_WORDS.length]!;
    const { ms } = await timed(() => searchWorkspace(db, { actor, workspaceId: workspace.id, input: { q } }));
    if (i >= WARM_UP) searches.push(ms);
  }

  const exported = await timed(async () => {
    const reader = await openExportReader({ userId: owner.id, workspaceId: workspace.id, selection: { documentIds: [] } });
    const { body } = streamExport(reader, "w3c", { baseUrl: "https://bench.test", now: new Date() });
    return (await new Response(body).arrayBuffer()).byteLength;
  });
  const exportAnnotations = await db.annotation.count({ where: { workspaceId: workspace.id } });
  await db.$disconnect();
  return {
    engine: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    saveP50Ms: round(percentile(saves, 50), 2),
    saveP99Ms: round(percentile(saves, 99), 2),
    readingProjectionP50Ms: round(percentile(pages, 50), 2),
    searchP95Ms: round(percentile(searches, 95), 2),
    exportW3cMs: round(exported.ms, 1),
    exportAnnotations,
  };
}

function runChild(databaseUrl: string): EngineFigures {
  const output = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-that-is-long-enough-for-the-schema-check", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as EngineFigures;
}

/** Both engines, one after the other; null when no PostgreSQL server answers. */
export async function measurePostgresRatios(serverUrl = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres") {
  const database = "workbench_bench_ratio";
  try {
    await dropDatabases(serverUrl, database);
    await createDatabase(serverUrl, database);
  } catch (error) {
    console.log(`PostgreSQL ÷ SQLite: skipped, no PostgreSQL server at ${serverUrl} (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-bench-pg-"));
  try {
    const sqlite = runChild(`file:${path.join(directory, "bench.db")}`);
    const postgres = runChild(databaseUrlOn(serverUrl, database));
    return { sqlite, postgres };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
    await dropDatabases(serverUrl, database);
  }
}

export function formatPostgresRatios({ sqlite, postgres }: { sqlite: EngineFigures; postgres: EngineFigures }): string {
  const rows: [string, keyof EngineFigures][] = [
    ["annotation save p50", "saveP50Ms"],
    ["annotation save p99", "saveP99Ms"],
    ["reading projection (document page) p50", "readingProjectionP50Ms"],
    ["search p95", "searchP95Ms"],
    [`W3C export of ${sqlite.exportAnnotations.toLocaleString("en")} annotations`, "exportW3cMs"],
  ];
  const lines = ["PostgreSQL ÷ SQLite (same process kind, same data, one after the other)", "metric | SQLite | PostgreSQL | ratio"];
  for (const [label, key] of rows) {
    const a = Number(sqlite[key]);
    const b = Number(postgres[key]);
    lines.push(`${label} | ${a} ms | ${b} ms | ${round(b / a, 2)}×`);
  }
  return lines.join("\n");
}

if (process.argv.includes("--child")) {
  const figures = await measureThisEngine();
  console.log(JSON.stringify(figures));
  process.exit(0);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const result = await measurePostgresRatios();
  if (result) console.log(formatPostgresRatios(result));
}
