// `npm start`: the production server, one process per core on the same port and SQLite file.
//
// Node's cluster module forks WEB_CONCURRENCY workers (default: the cores this process may use);
// each runs Next's documented programmatic server (`next({ dev: false })` + getRequestHandler,
// https://nextjs.org/docs/app/guides/custom-server) and the primary hands them connections in
// turn. The database was prepared (migrated, seeded) once before this script runs (see
// package.json), so workers never race to migrate. A worker that dies is replaced; SIGINT or
// SIGTERM stops every worker (each finishes the requests it has) and then the primary.
//
// Plain JavaScript on purpose: it runs under bare `node`, so no loader sits in front of Next's own
// modules in production.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import process from "node:process";
import { createAdmissionGate, inFlightLimit, waitsItsTurn } from "./admission-gate.mjs";

/** Restarts closer together than this count as a crash loop. */
const RESTART_WINDOW_MS = 60_000;
const MAX_RESTARTS_IN_WINDOW = 10;
/** How long a worker may take to finish its open requests when asked to stop. */
const STOP_GRACE_MS = 10_000;

/** The number of worker processes: WEB_CONCURRENCY when set to a positive integer, else one per core. */
export function workerCount(env = process.env) {
  const raw = env.WEB_CONCURRENCY;
  if (raw !== undefined && raw !== "") {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${raw}").`);
    return n;
  }
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

function listenPort(env = process.env) {
  const port = Number(env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}").`);
  return port;
}

function runPrimary() {
  const count = workerCount();
  const port = listenPort();
  const restarts = [];
  let stopping = false;
  let ready = 0;

  const fork = () => cluster.fork();
  cluster.on("listening", () => {
    ready += 1;
    if (ready === count) console.log(`[workbench] ${count} server process${count === 1 ? "" : "es"} listening on port ${port} (set WEB_CONCURRENCY to change)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length >= MAX_RESTARTS_IN_WINDOW) {
      console.error(`[workbench] server processes keep dying (${restarts.length} restarts in a minute): giving up.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    restarts.push(now);
    console.error(`[workbench] server process ${worker.process.pid} exited (${signal ?? `code ${code}`}): starting another`);
    fork();
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
    // A worker stuck past its grace period is killed, so the primary always ends.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(0);
    }, STOP_GRACE_MS + 2_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  for (let i = 0; i < count; i++) fork();
}

async function runWorker() {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const port = listenPort();
  // All interfaces by default, as `next start`; LISTEN_HOST=127.0.0.1 keeps it to this machine.
  const hostname = process.env.LISTEN_HOST || undefined;
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const gate = createAdmissionGate(inFlightLimit());
  const serve = (req, res) =>
    handle(req, res).catch((error) => {
      console.error("[workbench] unhandled error:", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on the server." } }));
      } else res.destroy();
    });
  const server = http.createServer((req, res) => {
    if (!waitsItsTurn(req)) return void serve(req, res);
    gate(
      (done) => {
        // "close" comes when the answer is sent or the connection is gone, whichever is first.
        res.once("close", done);
        void serve(req, res);
      },
      () => res.destroyed || req.destroyed,
    );
  });
  // As `next start` does: keep idle connections a little longer than common proxies' defaults.
  server.keepAliveTimeout = 65_000;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.listen(port, hostname);
}

if (cluster.isPrimary) {
  runPrimary();
} else {
  runWorker().catch((error) => {
    console.error("[workbench] the server process could not start:", error);
    process.exit(1);
  });
}
