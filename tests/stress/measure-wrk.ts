// wrk figures for the document page against the bare baselines, in the same run: the page of the
// seed corpus's longest document, `/api/auth/session` (decoding the session cookie and nothing
// else) and a static file. Runnable alone against a running server:
//   npx tsx tests/stress/measure-wrk.ts http://127.0.0.1:3212 data/perf/perf.db [seconds]
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { signIn, type Account } from "./http-session";

export const WRK_PATH = "/usr/bin/wrk";
export const DEMO_ACCOUNT: Account = { email: "demo@workbench.local", password: "congress-1925" };

export interface WrkResult {
  label: string;
  path: string;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n;
}

/** Reads wrk's `--latency` report. */
export function parseWrkOutput(output: string): Omit<WrkResult, "label" | "path"> {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const percentile = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s|m)`).exec(output);
    return m ? toMs(m[1] ?? "", m[2] ?? "ms") : NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no throughput:\n${output}`);
  return { requestsPerSecond: rps, p50Ms: percentile("50"), p99Ms: percentile("99"), requests, non2xx, socketErrors };
}

/** One bounded wrk run on loopback. */
export function runWrk({ url, cookie, seconds, connections }: { url: string; cookie: string; seconds: number; connections: number }): Promise<string> {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`wrk runs against loopback only, not ${host}.`);
  return new Promise((resolve, reject) => {
    const child = spawn(WRK_PATH, ["-t", "2", "-c", String(connections), "-d", `${seconds}s`, "--timeout", "30s", "--latency", "-H", `Cookie: ${cookie}`, url], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), (seconds + 40) * 1000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(output);
      else reject(new Error(`wrk exited with ${code}:\n${output}`));
    });
  });
}

/** The demo workspace's longest document (the 68 kB seed text). */
export function longestDemoDocument(databaseFile: string): { id: string; chars: number } {
  const sql = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = sql
      .prepare(
        `SELECT d.id AS id, length(r.text) AS chars FROM "Document" d
           JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber
           JOIN "Membership" m ON m.workspaceId = d.workspaceId JOIN "User" u ON u.id = m.userId
         WHERE u.email = ? ORDER BY chars DESC LIMIT 1`,
      )
      .get(DEMO_ACCOUNT.email) as { id: string; chars: number } | undefined;
    if (!row) throw new Error(`No document of ${DEMO_ACCOUNT.email} in ${databaseFile}.`);
    return row;
  } finally {
    sql.close();
  }
}

/** A file of the build's static output that the document page loads. */
async function staticFilePath(baseUrl: string, pagePath: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}${pagePath}`, { headers: { cookie } })).text();
  const found = /\/_next\/static\/[^"'\s]+\.css/.exec(html)?.[0] ?? /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  if (!found) throw new Error("The document page names no static file.");
  return found;
}

/** Page, session and static file, one after another, each for `seconds` at `connections`. */
export async function measurePageVersusBaselines({
  baseUrl,
  databaseFile,
  seconds,
  connections = 50,
}: {
  baseUrl: string;
  databaseFile: string;
  seconds: number;
  connections?: number;
}): Promise<{ results: WrkResult[]; pageToSession: number; documentChars: number }> {
  const cookie = await signIn(baseUrl, DEMO_ACCOUNT);
  const document = longestDemoDocument(databaseFile);
  const pagePath = `/documents/${document.id}`;
  const targets = [
    { label: "document page", path: pagePath },
    { label: "/api/auth/session", path: "/api/auth/session" },
    { label: "static file", path: await staticFilePath(baseUrl, pagePath, cookie) },
  ];
  const results: WrkResult[] = [];
  for (const target of targets) {
    // An unmeasured warm-up, so the route's first load and the caches are not counted: a few
    // requests one after another (a first request can take seconds on a loaded machine), then wrk.
    for (let i = 0; i < 5; i++) await (await fetch(`${baseUrl}${target.path}`, { headers: { cookie } })).arrayBuffer();
    await runWrk({ url: `${baseUrl}${target.path}`, cookie, seconds: 2, connections: 4 });
    const output = await runWrk({ url: `${baseUrl}${target.path}`, cookie, seconds, connections });
    results.push({ ...target, ...parseWrkOutput(output) });
  }
  const [page, session] = results;
  const sessionRate = session?.requestsPerSecond ?? 0;
  return { results, pageToSession: sessionRate > 0 ? (page?.requestsPerSecond ?? 0) / sessionRate : 0, documentChars: document.chars };
}

export function formatWrkResults({ results, pageToSession, documentChars }: { results: WrkResult[]; pageToSession: number; documentChars: number }): string {
  const lines = results.map(
    (r) =>
      `  ${r.label.padEnd(20)} ${r.requestsPerSecond.toFixed(1).padStart(8)} req/s   p50 ${r.p50Ms.toFixed(1).padStart(7)} ms   p99 ${r.p99Ms.toFixed(1).padStart(7)} ms   ${r.requests} requests, ${r.non2xx} non-2xx, ${r.socketErrors} socket errors   ${r.path.startsWith("/documents/") ? `(${documentChars} chars)` : r.path}`,
  );
  return [...lines, `  page / session = ${(pageToSession * 100).toFixed(1)} %`].join("\n");
}

async function main() {
  const [baseUrl = "http://127.0.0.1:3212", databaseFile = "data/perf/perf.db", seconds = "10"] = process.argv.slice(2);
  if (!fs.existsSync(databaseFile)) throw new Error(`No database at ${path.resolve(databaseFile)}.`);
  const measured = await measurePageVersusBaselines({ baseUrl, databaseFile, seconds: Number(seconds) });
  console.log(`wrk -t 2 -c 50 -d ${seconds}s, load average ${(await import("node:os")).loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  console.log(formatWrkResults(measured));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
