// Two app servers on one PostgreSQL database under 100 clients creating annotations; one server is
// killed with SIGKILL (its whole process group) every few seconds for a minute and started again.
// Afterwards every acknowledged save must be in the database; the other server must have answered
// throughout; the killed one must answer again at the end.
//   scripts/pg-cluster.sh start && npm run build && npx tsx tests/stress/pg-kill-run.ts
// Env: KILL_POSTGRES_URL (server, default postgresql://postgres@127.0.0.1:55432/postgres), KILL_PORT
// (first of two ports, default 3242), KILL_SECONDS (60), KILL_EVERY_SECONDS (5), KILL_CLIENTS (100).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { createDatabase, databaseUrlOn, dropDatabases } from "../integration/postgres-test-databases";
import { signIn } from "./http-session";

const SERVER_URL = process.env.KILL_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres";
const PORT = Number(process.env.KILL_PORT ?? 3242);
const SECONDS = Number(process.env.KILL_SECONDS ?? 60);
const EVERY_SECONDS = Number(process.env.KILL_EVERY_SECONDS ?? 5);
const CLIENTS = Number(process.env.KILL_CLIENTS ?? 100);
const DATABASE = "workbench_kill";
const DATABASE_URL = databaseUrlOn(SERVER_URL, DATABASE);
const LOG = "/tmp/workbench-pg-kill.log";
const env = { ...process.env, NODE_ENV: "production" as const, DATABASE_URL, NEXTAUTH_SECRET: "kill-run-secret-shared-by-both-app-servers-0123", WEB_CONCURRENCY: "1", LISTEN_HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" };

function startServer(port: number): ChildProcess {
  const log = fs.openSync(LOG, "a");
  const child = spawn("node", ["scripts/start-server.mjs"], { env: { ...env, PORT: String(port) }, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  return child;
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/signin`, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntilAnswering(baseUrl: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (!(await answers(baseUrl))) {
    if (Date.now() - started > timeoutMs) throw new Error(`${baseUrl} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    return Promise.resolve();
  }
  return exited;
}

async function main() {
  fs.writeFileSync(LOG, "");
  await dropDatabases(SERVER_URL, DATABASE);
  await createDatabase(SERVER_URL, DATABASE);
  const prepared = spawnSync("npx", ["tsx", "prisma/prepare-database.ts"], { env, stdio: "inherit" });
  if (prepared.status !== 0) throw new Error("prepare-database failed");

  const first = `http://127.0.0.1:${PORT}`;
  const second = `http://127.0.0.1:${PORT + 1}`;
  let victim = startServer(PORT);
  const survivor = startServer(PORT + 1);
  await Promise.all([waitUntilAnswering(first), waitUntilAnswering(second)]);

  // One account and document, made through the API.
  const account = { email: `kill-${Date.now()}@example.org`, password: "reading-room-1925" };
  const signUp = await fetch(`${second}/api/users`, { method: "POST", headers: { "content-type": "application/json", origin: second }, body: JSON.stringify({ name: "Kill Run", ...account }) });
  if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const { workspaceId } = (await signUp.json()) as { workspaceId: string };
  const cookie = await signIn(second, account);
  const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the delegates argued about the harvest figures and the press reports.`).join("\n\n");
  const form = new FormData();
  form.set("title", "Kill-run document");
  form.set("text", text);
  const created = await fetch(`${second}/api/workspaces/${workspaceId}/documents`, { method: "POST", headers: { cookie, origin: second }, body: form });
  if (created.status !== 201) throw new Error(`creating the document answered ${created.status}`);
  const { id: documentId } = (await created.json()) as { id: string };
  const read = (await (await fetch(`${second}/api/documents/${documentId}`, { headers: { cookie } })).json()) as { document: { revision: { id: string } } };
  const revisionId = read.document.revision.id;

  const acknowledged: string[] = [];
  const tally = { first: { ok: 0, failed: 0 }, second: { ok: 0, failed: 0 } };
  let stop = false;
  const client = async (n: number) => {
    for (let step = 0; !stop; step++) {
      const target = (n + step) % 2 === 0 ? "first" : "second";
      const baseUrl = target === "first" ? first : second;
      const start = ((n * 997 + step * 131) % 390) * 80;
      const exact = text.slice(start, start + 12);
      try {
        const response = await fetch(`${baseUrl}/api/documents/${documentId}/annotations`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie, origin: baseUrl },
          body: JSON.stringify({ revisionId, start, end: start + 12, exact, kind: "CLAIM", note: `kill run ${n}/${step}` }),
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status === 201) {
          acknowledged.push(((await response.json()) as { annotation: { id: string } }).annotation.id);
          tally[target].ok += 1;
        } else {
          await response.arrayBuffer();
          tally[target].failed += 1;
        }
      } catch {
        tally[target].failed += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));

  const kills: { at: number; rejoinMs: number | null }[] = [];
  const started = Date.now();
  while (Date.now() - started < SECONDS * 1000) {
    await new Promise((resolve) => setTimeout(resolve, EVERY_SECONDS * 1000));
    await killGroup(victim);
    const kill = { at: Math.round((Date.now() - started) / 1000), rejoinMs: null as number | null };
    kills.push(kill);
    victim = startServer(PORT);
    void waitUntilAnswering(first, EVERY_SECONDS * 1000 * 4)
      .then((ms) => (kill.rejoinMs = ms))
      .catch(() => {});
  }
  const rejoinedMs = await waitUntilAnswering(first);
  stop = true;
  await Promise.all(clients);

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Annotation" WHERE id = ANY($1)`, [acknowledged]);
  const total = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "Annotation"`);
  await db.end();
  const present = Number(rows[0]?.n ?? 0);

  console.log(
    JSON.stringify(
      {
        seconds: SECONDS,
        killEverySeconds: EVERY_SECONDS,
        clients: CLIENTS,
        kills: kills.length,
        acknowledged: acknowledged.length,
        present,
        lost: acknowledged.length - present,
        rowsInDatabase: Number(total.rows[0]?.n ?? 0),
        killedServer: tally.first,
        otherServer: tally.second,
        rejoinMsPerKill: kills.map((k) => k.rejoinMs),
        killedServerAnswersAtEnd: rejoinedMs >= 0,
      },
      null,
      2,
    ),
  );
  await killGroup(victim);
  await killGroup(survivor);
  await dropDatabases(SERVER_URL, DATABASE);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
