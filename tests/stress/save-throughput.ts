// Throughput of annotation saves: 200 concurrent clients saving back to back against one app server
// on SQLite (phase A), then against two app servers on one PostgreSQL database (phase B, clients
// alternating between them); each server WEB_CONCURRENCY=1, loopback only. Prints saves/s, p50/p99,
// errors, whether every acknowledged save is in the database, and PG-two-servers ÷ SQLite-one-server.
//   scripts/pg-cluster.sh start /tmp/pg-x 55432 && npm run build && npx tsx tests/stress/save-throughput.ts
// Env: SAVE_POSTGRES_URL (default postgresql://postgres@127.0.0.1:55432/postgres), SAVE_SECONDS (30),
// SAVE_WARMUP_SECONDS (5), SAVE_CLIENTS (200), SAVE_PORT (first of three ports, 3250; 3250-3259 only).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, databaseUrlOn, dropDatabases } from "../integration/postgres-test-databases";
import { signIn } from "./http-session";
import { missingAnnotations, percentile } from "./load-run";
import { StressServer, prepareDatabase } from "./stress-server";
import { api, createAnnotation, currentText } from "./stress-world";

const SERVER_URL = process.env.SAVE_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres";
const SECONDS = Number(process.env.SAVE_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.SAVE_WARMUP_SECONDS ?? 5);
const CLIENTS = Number(process.env.SAVE_CLIENTS ?? 200);
const PORT = Number(process.env.SAVE_PORT ?? 3250);
const DATABASE = "workbench_save_throughput";
const DATABASE_URL = databaseUrlOn(SERVER_URL, DATABASE);
const APP_DIR = process.cwd();
const LOG = "/tmp/workbench-save-throughput.log";
const SQLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "save-throughput-"));
const SQLITE_FILE = path.join(SQLITE_DIR, "save.db");

interface PhaseResult {
  phase: string;
  savesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  acknowledged: number;
  present: number;
}

const started: StressServer[] = [];

async function startServer(port: number, databaseUrl: string | undefined, env: Record<string, string>): Promise<StressServer> {
  const server = await StressServer.start({ appDir: APP_DIR, port, databaseFile: SQLITE_FILE, logFile: LOG, databaseUrl, env: { WEB_CONCURRENCY: "1", ...env } });
  started.push(server);
  return server;
}

/** One account with one document of its own, made through the API; returns what the saves need. */
async function setUp(baseUrl: string) {
  const account = { email: `save-${Date.now()}@example.org`, password: "reading-room-1925" };
  const signUp = await fetch(`${baseUrl}/api/users`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ name: "Save Run", ...account }) });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const { workspaceId } = (await signUp.json()) as { workspaceId: string };
  const cookie = await signIn(baseUrl, account);
  const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the delegates argued about the harvest figures and the press reports.`).join("\n\n");
  const created = await api({ baseUrl, cookie }, "POST", `/api/workspaces/${workspaceId}/documents`, { kind: "multipart", fields: { title: "Save-throughput document", text } });
  if (created.status !== 201) throw new Error(`creating the document answered ${created.status}`);
  const documentId = (created.json as { id: string }).id;
  const current = await currentText({ baseUrl, cookie }, documentId);
  return { cookie, documentId, ...current };
}

/** CLIENTS clients saving back to back, spread round-robin over `baseUrls`; warm-up first, then SECONDS measured. */
async function saveLoad(baseUrls: string[], setup: Awaited<ReturnType<typeof setUp>>) {
  const measureFrom = performance.now() + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
  const latencies: number[] = [];
  const acknowledged: string[] = [];
  let errors = 0;
  let lastDone = measureFrom;
  const client = async (n: number) => {
    for (let step = 0; performance.now() < stopAt; step++) {
      const baseUrl = baseUrls[(n + step) % baseUrls.length] ?? "";
      const began = performance.now();
      let ok = false;
      try {
        // createAnnotation's request gives up after 30 s.
        const made = await createAnnotation({ baseUrl, cookie: setup.cookie }, setup.documentId, setup.revisionId, setup.text, (n * 997 + step * 7919) % setup.text.length, `save ${n}/${step}`);
        if (made.id) {
          acknowledged.push(made.id);
          ok = true;
        }
      } catch {
        // counted below
      }
      const done = performance.now();
      if (began >= measureFrom) {
        if (ok) latencies.push(done - began);
        else errors += 1;
        lastDone = Math.max(lastDone, done);
      }
      if (!ok) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const sorted = latencies.sort((a, b) => a - b);
  return { savesPerSecond: latencies.length / ((lastDone - measureFrom) / 1000), p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), errors, acknowledged };
}

async function phaseSqlite(): Promise<PhaseResult> {
  prepareDatabase({ appDir: APP_DIR, databaseFile: SQLITE_FILE, logFile: LOG });
  const server = await startServer(PORT, undefined, {});
  const setup = await setUp(server.baseUrl);
  const load = await saveLoad([server.baseUrl], setup);
  await server.stop();
  const present = load.acknowledged.length - missingAnnotations(SQLITE_FILE, load.acknowledged).length;
  return { phase: "A: SQLite, 1 server", ...load, acknowledged: load.acknowledged.length, present };
}

async function phasePostgres(): Promise<PhaseResult> {
  await dropDatabases(SERVER_URL, DATABASE);
  await createDatabase(SERVER_URL, DATABASE);
  const env = { ...process.env, DATABASE_URL };
  const prepared = spawnSync("npx", ["tsx", "prisma/prepare-database.ts"], { env, encoding: "utf8" });
  fs.appendFileSync(LOG, `${prepared.stdout}${prepared.stderr}`);
  if (prepared.status !== 0) throw new Error(`prepare-database on PostgreSQL failed; see ${LOG}`);
  const shared = { NEXTAUTH_SECRET: "save-throughput-secret-shared-by-both-app-servers-0123" };
  const servers = await Promise.all([startServer(PORT + 1, DATABASE_URL, shared), startServer(PORT + 2, DATABASE_URL, shared)]);
  const setup = await setUp(servers[0]?.baseUrl ?? "");
  const load = await saveLoad(
    servers.map((s) => s.baseUrl),
    setup,
  );
  await Promise.all(servers.map((s) => s.stop()));
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Annotation" WHERE id = ANY($1)`, [load.acknowledged]);
  await db.end();
  return { phase: "B: PostgreSQL, 2 servers", ...load, acknowledged: load.acknowledged.length, present: Number(rows[0]?.n ?? 0) };
}

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

async function main() {
  fs.writeFileSync(LOG, "");
  const loadAtStart = load();
  console.log(`[save-throughput] ${CLIENTS} clients, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per phase, ${os.cpus().length} CPUs; log ${LOG}`);
  const a = await phaseSqlite();
  const b = await phasePostgres();
  const row = (r: PhaseResult) => `${r.phase.padEnd(26)} ${r.savesPerSecond.toFixed(1).padStart(8)} ${r.p50Ms.toFixed(0).padStart(8)} ${r.p99Ms.toFixed(0).padStart(8)} ${String(r.errors).padStart(7)} ${`${r.present}/${r.acknowledged}${r.present === r.acknowledged ? " yes" : " NO"}`.padStart(16)}`;
  console.log(`${"phase".padEnd(26)} ${"saves/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"errors".padStart(7)} ${"acked in DB".padStart(16)}`);
  console.log(row(a));
  console.log(row(b));
  console.log(`ratio PG-two-servers ÷ SQLite-one-server (saves/s): ${(b.savesPerSecond / a.savesPerSecond).toFixed(2)}`);
  console.log(`load average (1/5/15 min) at start: ${loadAtStart}; at end: ${load()}`);
  if (a.present !== a.acknowledged || b.present !== b.acknowledged) process.exitCode = 1;
}

async function cleanUp() {
  await Promise.all(started.map((s) => s.stop()));
  await dropDatabases(SERVER_URL, DATABASE).catch(() => {});
  fs.rmSync(SQLITE_DIR, { recursive: true, force: true });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void cleanUp());
