import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ParseFileOptions } from "./parse-file";
import type { ParseOutcome } from "./parsed-document";
import type { CorpusZipOutcome } from "./read-corpus-zip";

/**
 * Parses files in worker threads, so a PDF of hundreds of pages never blocks the server's event
 * loop. A small pool (cores − 1, at least 1, at most 3) is started on first use and kept; a file that
 * takes longer than `timeoutMs` or kills its worker (out of memory) is refused, and the worker replaced.
 */
export const WORKER_LIMITS = { timeoutMs: 120_000, maxOldGenerationSizeMb: 1024 } as const;

/**
 * The worker's entry, resolved from the project root at run time (Next's server runs from there, and
 * so do tests and the bench). Spelled so the bundler's file tracing cannot follow it: it would pull
 * tsx and esbuild's binary into the server bundle, where Node loads the file from the source tree.
 */
function workerFile(): string {
  return path.resolve(process.cwd(), ...WORKER_PATH.split("|"));
}
const WORKER_PATH = "lib|corpus-import|parse-worker.mjs";

interface Task {
  id: number;
  message: { op: "parse"; fileName: string; options: ParseFileOptions } | { op: "zip" };
  bytes: Uint8Array;
  /** What to answer when the worker dies or overruns: the outcome of the op, saying why. */
  failed: (reason: string) => unknown;
  resolve: (outcome: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  ready: Promise<void>;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const state = { workers: [] as PoolWorker[], queue: [] as Task[], nextId: 1 };

function poolSize(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1));
}

function startWorker(): PoolWorker {
  const worker = new Worker(/* turbopackIgnore: true */ workerFile(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.maxOldGenerationSizeMb } });
  worker.unref();
  const entry: PoolWorker = { worker, task: null, timer: null, ready: Promise.resolve() };
  entry.ready = new Promise<void>((resolve) => {
    const onReady = (message: { ready?: boolean }) => {
      if (message.ready) {
        worker.off("message", onReady);
        resolve();
      }
    };
    worker.on("message", onReady);
  });
  worker.on("message", (message: { id?: number; outcome?: unknown }) => {
    if (message.id === undefined || !entry.task || entry.task.id !== message.id || !message.outcome) return;
    finish(entry, message.outcome);
  });
  const fail = (reason: string) => {
    const task = entry.task;
    entry.task = null;
    if (entry.timer) clearTimeout(entry.timer);
    state.workers = state.workers.filter((w) => w !== entry);
    if (task) task.resolve(task.failed(reason));
    pump();
  };
  worker.on("error", () => fail("this file could not be read (the reader ran out of memory or failed)."));
  worker.on("exit", () => fail("this file could not be read (the reader stopped)."));
  state.workers.push(entry);
  return entry;
}

function finish(entry: PoolWorker, outcome: unknown) {
  const task = entry.task;
  entry.task = null;
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = null;
  entry.worker.unref();
  task?.resolve(outcome);
  pump();
}

function pump() {
  while (state.queue.length > 0) {
    let idle = state.workers.find((w) => !w.task);
    if (!idle && state.workers.length < poolSize()) idle = startWorker();
    if (!idle) return;
    const task = state.queue.shift()!;
    run(idle, task);
  }
}

function run(entry: PoolWorker, task: Task) {
  entry.task = task;
  entry.worker.ref(); // keep the process alive while a file is being read
  entry.timer = setTimeout(() => {
    const stuck = entry.task;
    entry.task = null;
    state.workers = state.workers.filter((w) => w !== entry);
    void entry.worker.terminate();
    stuck?.resolve(task.failed(`reading it took longer than ${WORKER_LIMITS.timeoutMs / 1000} s; it was stopped.`));
    pump();
  }, WORKER_LIMITS.timeoutMs);
  const copy = task.bytes.slice(); // a buffer of its own, moved (not copied again) to the worker
  void entry.ready.then(() => {
    if (entry.task === task) entry.worker.postMessage({ id: task.id, ...task.message, bytes: copy.buffer }, [copy.buffer]);
  });
}

function enqueue<T>(message: Task["message"], bytes: Uint8Array, failed: (reason: string) => T): Promise<T> {
  return new Promise<T>((resolve) => {
    state.queue.push({ id: state.nextId++, message, bytes, failed, resolve: resolve as (outcome: unknown) => void });
    pump();
  });
}

/** Parses one file in a worker thread; never rejects (failures come back as `{ ok: false }`). */
export function parseInWorker(fileName: string, bytes: Uint8Array, options: ParseFileOptions = {}): Promise<ParseOutcome> {
  return enqueue<ParseOutcome>({ op: "parse", fileName, options }, bytes, (reason) => ({ ok: false, message: `“${fileName}”: ${reason}` }));
}

/** Unpacks a ZIP of corpus files (see readCorpusZip) in a worker thread; never rejects. */
export function readCorpusZipInWorker(bytes: Uint8Array): Promise<CorpusZipOutcome> {
  return enqueue<CorpusZipOutcome>({ op: "zip" }, bytes, (reason) => ({ ok: false, reason }));
}
