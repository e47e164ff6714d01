// A first-come, first-served gate in front of the request handler. Past `limit` requests in
// progress, a process serves the next one only as one finishes, in the order they came. Without it,
// an overloaded Node process shares its one thread among every request it has accepted: each
// takes many turns, a new arrival's turns compete with old ones', and some requests wait many
// times longer than the rest (under 200 clients, p99 was three times p50 and saves waited 10 s).

import process from "node:process";

/** Requests a worker serves at once before the rest wait their turn: WORKBENCH_MAX_IN_FLIGHT, else 16. */
export function inFlightLimit(env = process.env) {
  const raw = env.WORKBENCH_MAX_IN_FLIGHT;
  if (raw === undefined || raw === "") return 16;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new Error(`WORKBENCH_MAX_IN_FLIGHT must be a whole number from 1 to 10000 (got "${raw}").`);
  return n;
}

/**
 * Whether a request waits its turn at the gate. Static files are quick and never wait; nor does a
 * request with a large body (an upload), whose slow client would otherwise hold a place while its
 * bytes trickle in.
 * @param {{ url?: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function waitsItsTurn(req) {
  if (req.url?.startsWith("/_next/static/")) return false;
  const length = Number(req.headers["content-length"] ?? 0);
  return !(length > 1_000_000 || String(req.headers["content-type"] ?? "").startsWith("multipart/"));
}

/**
 * @param {number} limit requests in progress at once (at least 1)
 * @returns {(start: (done: () => void) => void, abandoned?: () => boolean) => void}
 *   `gate(start, abandoned)`: runs `start` now or when its turn comes; `start` must call `done`
 *   once (more calls are ignored) when its request is over. A request whose client has gone by its
 *   turn (`abandoned()`) is skipped.
 */
export function createAdmissionGate(limit) {
  const most = Math.max(1, Math.floor(limit));
  let active = 0;
  /** @type {Array<() => void>} */
  const waiting = [];
  const next = () => {
    while (active < most && waiting.length > 0) {
      const run = waiting.shift();
      if (run) run();
    }
  };
  return (start, abandoned = () => false) => {
    const run = () => {
      if (abandoned()) return;
      active += 1;
      let over = false;
      start(() => {
        if (over) return;
        over = true;
        active -= 1;
        next();
      });
    };
    if (active < most && waiting.length === 0) run();
    else waiting.push(run);
  };
}
