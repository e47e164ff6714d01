// A class at once: `clients` concurrent readers for `seconds`, each opening document pages and,
// every few pages, saving an annotation. Reports throughput, latency percentiles and timeouts, and
// then checks that every save the server acknowledged (201) is in the database.
import http from "node:http";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { firstScreenBlocks } from "../../lib/documents/first-screen-blocks";
import { acknowledgedId, claimBody, currentText, type StressWorld } from "./stress-world";

const REQUEST_TIMEOUT_MS = 30_000;
/**
 * The run's opening: every client's first request arrives at once, on new connections. Requests
 * started after it are also reported apart ("steady p99"), to tell the opening's queue from the
 * rest; the goals read the whole run.
 */
const OPENING_MS = 5_000;

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  pageRequests: number;
  /** GET /api/revisions/:id/text, once per client and long text's revision (a browser caches it). */
  textRequests: number;
  saves: number;
  acknowledged: number;
  timeouts: number;
  errors: number;
  serverErrors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** p99 of the requests started after the opening (OPENING_MS). */
  steadyP99Ms: number;
  pageP99Ms: number;
  saveP99Ms: number;
  lost: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Ids of `ids` that the database does not hold. */
export function missingAnnotations(databaseFile: string, ids: readonly string[]): string[] {
  const sql = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const exists = sql.prepare(`SELECT 1 FROM "Annotation" WHERE id = ?`).pluck();
    return ids.filter((id) => exists.get(id) === undefined);
  } finally {
    sql.close();
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
}

class RequestTimeout extends Error {
  override name = "TimeoutError";
}

/**
 * The load's HTTP client: node:http on one keep-alive pool, asking for gzip as a browser does (the
 * server compresses as it would for one) but not inflating what it only counts. fetch (undici)
 * cost the load's own process about half a core at this rate, taken from the server it measures on
 * a 2-core machine.
 */
function createLoadClient(baseUrl: string, clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const origin = new URL(baseUrl);
  return {
    request(path: string, { cookie, method = "GET", json }: { cookie: string; method?: string; json?: unknown }): Promise<{ status: number; body: Buffer; gzipped: boolean }> {
      const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            agent,
            host: origin.hostname,
            port: origin.port,
            path,
            method,
            headers: { cookie, "accept-encoding": "gzip", ...(payload ? { origin: origin.origin, "content-type": "application/json", "content-length": payload.length } : {}) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              clearTimeout(timer);
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), gzipped: response.headers["content-encoding"] === "gzip" });
            });
            response.on("error", reject);
          },
        );
        // The whole exchange, answer included, within the limit (as fetch's AbortSignal.timeout):
        // a socket timeout would only count the time nothing arrives.
        const timer = setTimeout(() => request.destroy(new RequestTimeout(`${method} ${path}: not answered in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
        request.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
        request.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}

type LoadClient = ReturnType<typeof createLoadClient>;

/** Runs one loop per client at once (each told when they all began) and then closes the pool. */
async function runClients(load: LoadClient, clients: number, client: (n: number, began: number) => Promise<void>): Promise<number> {
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n, began)));
  load.close();
  return (performance.now() - began) / 1000;
}

export interface LoadOptions {
  clients: number;
  seconds: number;
  cookies: string[];
  /**
   * A pause before each next action, drawn evenly from [min, max] ms: people reading between
   * clicks. Without it (the goal's run) every client asks again the moment it is answered, so the
   * server always has `clients` requests in hand and a request waits clients ÷ throughput on
   * average (Little's law), whatever the server does with its time.
   */
  thinkMs?: readonly [number, number];
}

export interface FloorResult {
  path: string;
  clients: number;
  seconds: number;
  requests: number;
  timeouts: number;
  /** Answers other than 200 (5xx included). */
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** p99 of the requests started after the opening (OPENING_MS). */
  steadyP99Ms: number;
}

/**
 * The floor under the goal's load: the same closed loop of `clients`, each asking for one cheap
 * `path` again the moment it is answered (the app's smallest signed-in page, or next-auth's own
 * session route). What the class run's latency can be compared with on this machine, at this
 * moment: no page of the app answers a closed loop faster than these do.
 */
export async function runFloor(world: Pick<StressWorld, "baseUrl" | "cookie">, { clients, seconds, cookies, path }: { clients: number; seconds: number; cookies: string[]; path: string }): Promise<FloorResult> {
  const latencies: number[] = [];
  const steady: number[] = [];
  let timeouts = 0;
  let errors = 0;
  const load = createLoadClient(world.baseUrl, clients);
  // Warm: each server process loads the route's code on its first request to it (the class run's
  // pages were warmed by what ran before it). Connections are dealt out to processes in turn.
  for (let round = 0; round < 3; round++) await Promise.all(Array.from({ length: 8 }, () => load.request(path, { cookie: world.cookie }).catch(() => null)));
  const stopAt = Date.now() + seconds * 1000;
  const client = async (n: number, began: number) => {
    const cookie = cookies[n % cookies.length] ?? world.cookie;
    while (Date.now() < stopAt) {
      const started = performance.now();
      try {
        const answer = await load.request(path, { cookie });
        const ms = performance.now() - started;
        latencies.push(ms);
        if (started - began >= OPENING_MS) steady.push(ms);
        if (answer.status !== 200) errors += 1;
      } catch (error) {
        if (error instanceof RequestTimeout) timeouts += 1;
        else errors += 1;
      }
    }
  };
  const elapsed = await runClients(load, clients, client);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    path,
    clients,
    seconds: elapsed,
    requests: sorted.length + timeouts,
    timeouts,
    errors,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    steadyP99Ms: percentile(steady.sort((a, b) => a - b), 99),
  };
}

export async function runLoad(world: StressWorld, { clients, seconds, cookies, thinkMs }: LoadOptions): Promise<LoadResult> {
  // Saves go to the seed documents, on their current revisions. A browser asks for a revision's
  // text only where the page does not carry it whole: a text longer than the server-drawn opening.
  const targets = await Promise.all(
    world.seedDocumentIds.map(async (id) => {
      const current = await currentText(world, id);
      return { id, ...current, textComesApart: firstScreenBlocks(current.revisionId, current.text).more };
    }),
  );
  const pageLatencies: number[] = [];
  const saveLatencies: number[] = [];
  const textLatencies: number[] = [];
  const steady: number[] = [];
  const acknowledged: string[] = [];
  let timeouts = 0;
  let errors = 0;
  let serverErrors = 0;
  let saves = 0;
  const stopAt = Date.now() + seconds * 1000;

  const load = createLoadClient(world.baseUrl, clients);
  const client = async (n: number, began: number) => {
    const cookie = cookies[n % cookies.length] ?? world.cookie;
    let step = n;
    const textsFetched = new Set<string>();
    // Each client's pauses are its own reproducible sequence.
    let seed = (n + 1) * 2654435761;
    const pause = () => {
      if (!thinkMs) return Promise.resolve();
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const ms = thinkMs[0] + (seed / 2 ** 32) * (thinkMs[1] - thinkMs[0]);
      return new Promise((resolve) => setTimeout(resolve, Math.min(ms, Math.max(0, stopAt - Date.now()))));
    };
    while (Date.now() < stopAt) {
      if (step !== n) await pause();
      if (Date.now() >= stopAt) break;
      step += 1;
      const target = targets[step % targets.length];
      if (!target) break;
      const started = performance.now();
      try {
        if (step % 4 === 0) {
          saves += 1;
          const body = claimBody(target.revisionId, target.text, (step * 7919 + n * 104729) % target.text.length, `load ${n}/${step}`);
          const made = await load.request(`/api/documents/${target.id}/annotations`, { cookie, method: "POST", json: body });
          const ms = performance.now() - started;
          saveLatencies.push(ms);
          if (started - began >= OPENING_MS) steady.push(ms);
          const id = made.status === 201 ? acknowledgedId(made.status, parseJson(made.gzipped ? zlib.gunzipSync(made.body) : made.body)) : null;
          if (id) acknowledged.push(id);
          else if (made.status >= 500) serverErrors += 1;
          else errors += 1;
        } else {
          const page = await load.request(`/documents/${target.id}`, { cookie });
          const ms = performance.now() - started;
          pageLatencies.push(ms);
          if (started - began >= OPENING_MS) steady.push(ms);
          if (page.status >= 500) serverErrors += 1;
          else if (page.status !== 200) errors += 1;
          // A long text's reader loads it from the revision's endpoint; a browser keeps it (it is
          // immutable), so each client fetches each revision's text once.
          if (target.textComesApart && !textsFetched.has(target.revisionId)) {
            textsFetched.add(target.revisionId);
            const textStarted = performance.now();
            const text = await load.request(`/api/revisions/${target.revisionId}/text`, { cookie });
            const textMs = performance.now() - textStarted;
            textLatencies.push(textMs);
            if (textStarted - began >= OPENING_MS) steady.push(textMs);
            if (text.status >= 500) serverErrors += 1;
            else if (text.status !== 200) errors += 1;
          }
        }
      } catch (error) {
        if (error instanceof RequestTimeout) timeouts += 1;
        else errors += 1;
      }
    }
  };
  const elapsed = await runClients(load, clients, client);
  const all = [...pageLatencies, ...textLatencies, ...saveLatencies].sort((a, b) => a - b);
  const pages = [...pageLatencies].sort((a, b) => a - b);
  const saved = [...saveLatencies].sort((a, b) => a - b);
  const lost = missingAnnotations(world.databaseFile, acknowledged).length;
  return {
    clients,
    seconds: elapsed,
    requests: all.length + timeouts,
    pageRequests: pages.length,
    textRequests: textLatencies.length,
    saves,
    acknowledged: acknowledged.length,
    timeouts,
    errors,
    serverErrors,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    p99Ms: percentile(all, 99),
    steadyP99Ms: percentile(steady.sort((a, b) => a - b), 99),
    pageP99Ms: percentile(pages, 99),
    saveP99Ms: percentile(saved, 99),
    lost,
  };
}
