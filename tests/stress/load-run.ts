// A class at once: `clients` concurrent readers for `seconds`, each opening document pages and,
// every few pages, saving an annotation. Reports throughput, latency percentiles and timeouts, and
// then checks that every save the server acknowledged (201) is in the database.
import Database from "better-sqlite3";
import { createAnnotation, currentText, type StressWorld } from "./stress-world";

const REQUEST_TIMEOUT_MS = 30_000;

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  pageRequests: number;
  /** GET /api/revisions/:id/text, once per client and revision (a browser caches it). */
  textRequests: number;
  saves: number;
  acknowledged: number;
  timeouts: number;
  errors: number;
  serverErrors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
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

export async function runLoad(world: StressWorld, { clients, seconds, cookies }: { clients: number; seconds: number; cookies: string[] }): Promise<LoadResult> {
  // Saves go to the seed documents, on their current revisions.
  const targets = await Promise.all(world.seedDocumentIds.map(async (id) => ({ id, ...(await currentText(world, id)) })));
  const pageLatencies: number[] = [];
  const saveLatencies: number[] = [];
  const textLatencies: number[] = [];
  const acknowledged: string[] = [];
  let timeouts = 0;
  let errors = 0;
  let serverErrors = 0;
  let saves = 0;
  const stopAt = Date.now() + seconds * 1000;

  const client = async (n: number) => {
    const session = { baseUrl: world.baseUrl, cookie: cookies[n % cookies.length] ?? world.cookie };
    let step = n;
    const textsFetched = new Set<string>();
    while (Date.now() < stopAt) {
      step += 1;
      const target = targets[step % targets.length];
      if (!target) break;
      const started = performance.now();
      try {
        if (step % 4 === 0) {
          saves += 1;
          const made = await createAnnotation(session, target.id, target.revisionId, target.text, (step * 7919 + n * 104729) % target.text.length, `load ${n}/${step}`);
          saveLatencies.push(performance.now() - started);
          if (made.id) acknowledged.push(made.id);
          else if (made.status >= 500) serverErrors += 1;
          else errors += 1;
        } else {
          const response = await fetch(`${world.baseUrl}/documents/${target.id}`, { headers: { cookie: session.cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          await response.arrayBuffer();
          pageLatencies.push(performance.now() - started);
          if (response.status >= 500) serverErrors += 1;
          else if (response.status !== 200) errors += 1;
          // The page's reader loads the text from the revision's endpoint; a browser keeps it (it is
          // immutable), so each client fetches each revision's text once.
          if (!textsFetched.has(target.revisionId)) {
            textsFetched.add(target.revisionId);
            const textStarted = performance.now();
            const text = await fetch(`${world.baseUrl}/api/revisions/${target.revisionId}/text`, { headers: { cookie: session.cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
            await text.arrayBuffer();
            textLatencies.push(performance.now() - textStarted);
            if (text.status >= 500) serverErrors += 1;
            else if (text.status !== 200) errors += 1;
          }
        }
      } catch (error) {
        if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) timeouts += 1;
        else errors += 1;
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const elapsed = (performance.now() - began) / 1000;
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
    pageP99Ms: percentile(pages, 99),
    saveP99Ms: percentile(saved, 99),
    lost,
  };
}
