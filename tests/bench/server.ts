import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** Source files newer than the build: the figures would describe older code. */
export function staleBuildSources(projectRoot: string): string[] {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.(tsx?|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && fs.statSync(full).mtimeMs > builtAt) {
        newer.push(path.relative(projectRoot, full));
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(path.join(projectRoot, dir));
  return newer;
}

/** The build's id, or null while there is no complete build. */
export function readBuildId(projectRoot: string): string | null {
  try {
    return fs.readFileSync(path.join(projectRoot, ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return null;
  }
}

/** True while a `next build` (someone else's, in this checkout) holds `.next/lock`. */
export function buildInProgress(projectRoot: string): boolean {
  return fs.existsSync(path.join(projectRoot, ".next", "lock"));
}

/**
 * Builds the production bundle when there is none (`.next/BUILD_ID` missing), after waiting for a
 * build already running in this checkout to finish. Returns whether it built.
 */
export async function ensureProductionBuild(projectRoot: string): Promise<boolean> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  if (buildInProgress(projectRoot)) console.log("[bench] another `next build` is running in this checkout (.next/lock): waiting for it …");
  while (buildInProgress(projectRoot) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2000));
  if (buildInProgress(projectRoot)) throw new Error(`.next/lock is still there after ${BUILD_TIMEOUT_MS / 60_000} minutes: is a build stuck?`);
  if (readBuildId(projectRoot) !== null) return false;
  console.log("[bench] no production build (.next/BUILD_ID): running `npx next build` …");
  const result = spawnSync("npx", ["next", "build"], {
    cwd: projectRoot,
    stdio: "inherit",
    timeout: BUILD_TIMEOUT_MS,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (status ${result.status}, signal ${result.signal ?? "none"}).`);
  return true;
}

const SNAPSHOT_ATTEMPTS = 3;

/**
 * Copies the finished build (without .next/cache) into `targetDir`, with the files `next start`
 * reads beside it and a link to node_modules, and returns the build id. Other people rebuild this
 * checkout while the bench runs; a private copy keeps their builds from pulling files out from
 * under the running server. A copy taken while a build started is discarded and taken again.
 * `targetDir` belongs outside the project: `tsc` and `eslint .` would check a next.config.ts in it.
 */
export async function snapshotBuild(projectRoot: string, targetDir: string): Promise<string> {
  for (let attempt = 1; attempt <= SNAPSHOT_ATTEMPTS; attempt++) {
    await ensureProductionBuild(projectRoot);
    const buildId = readBuildId(projectRoot);
    fs.rmSync(targetDir, { recursive: true, force: true });
    fs.mkdirSync(targetDir, { recursive: true });
    const source = path.join(projectRoot, ".next");
    const skipped = new Set(["cache", "lock", "dev", "trace", "trace-build", "diagnostics"].map((name) => path.join(source, name)));
    try {
      fs.cpSync(source, path.join(targetDir, ".next"), { recursive: true, verbatimSymlinks: true, filter: (file) => !skipped.has(file) });
    } catch (error) {
      if (attempt === SNAPSHOT_ATTEMPTS) throw error;
      continue; // the build changed while it was copied
    }
    for (const file of ["next.config.ts", "package.json", "tsconfig.json"]) fs.copyFileSync(path.join(projectRoot, file), path.join(targetDir, file));
    fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(targetDir, "node_modules"), "dir");
    if (buildId !== null && readBuildId(projectRoot) === buildId && readBuildId(targetDir) === buildId && !buildInProgress(projectRoot)) return buildId;
  }
  throw new Error(`The build in .next kept changing while it was copied (${SNAPSHOT_ATTEMPTS} attempts).`);
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

export interface ServerOptions {
  /** The build snapshot to run (see snapshotBuild). */
  appDir: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  /** Kept across restarts, so session cookies stay valid. */
  authSecret: string;
}

export interface RunningServer {
  baseUrl: string;
  /** How the server process ended, or null while it runs. */
  exitReason(): string | null;
  stop(): Promise<void>;
}

/**
 * Starts `next start` in the build snapshot on the loopback interface against the bench database,
 * in its own process group so stopping it ends npx and the server it runs (and nothing else), and
 * waits until /signin answers.
 */
export async function startProductionServer({ appDir, port, databaseUrl, logFile, authSecret }: ServerOptions): Promise<RunningServer> {
  const host = "127.0.0.1";
  if (!(await portIsFree(port, host))) throw new Error(`Port ${port} is in use; stop whatever listens there and run the bench again.`);
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", host], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // The bench's own secret: the server needs one, and the bench must not write data/.nextauth-secret.
      NEXTAUTH_SECRET: authSecret,
    },
  });
  fs.closeSync(log);
  let exited: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = signal ? `ended by ${signal}` : `exited with code ${code}`;
      fs.appendFileSync(logFile, `[bench] server process (pid ${child.pid}) ${exited}\n`);
      resolve();
    });
  });

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid as number), signal);
      } catch {
        // the group is already gone
      }
    };
    signalGroup("SIGTERM");
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS).unref());
    if ((await Promise.race([exitedPromise.then(() => "exited" as const), timer])) === "timeout") {
      signalGroup("SIGKILL");
      await Promise.race([exitedPromise, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
  };

  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${baseUrl}/signin`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return { baseUrl, exitReason: () => exited, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-2000) : "";
  throw new Error(`The server did not answer ${baseUrl}/signin within ${START_TIMEOUT_MS / 1000} s${exited ? ` (it ${exited})` : ""}. Log tail:\n${tail}`);
}

/**
 * The bench's server, restarted when something outside the bench ends it (this machine is shared;
 * a colleague's clean-up may stop every `next` process). A step that fails while the server is
 * gone is repeated once on a fresh server; at most `maxRestarts` restarts in all.
 */
export class SupervisedServer {
  restarts: string[] = [];
  /** Run after a restart, before the step is repeated: e.g. a request that loads the page's code. */
  afterRestart: (() => Promise<unknown>) | null = null;

  private constructor(
    private current: RunningServer,
    private readonly options: ServerOptions,
    private readonly maxRestarts: number,
  ) {}

  static async start(options: ServerOptions, maxRestarts = 2): Promise<SupervisedServer> {
    return new SupervisedServer(await startProductionServer(options), options, maxRestarts);
  }

  get baseUrl(): string {
    return this.current.baseUrl;
  }

  async guard<T>(step: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // A refused connection can arrive a moment before the process's exit is reported.
      for (let i = 0; i < 20 && this.current.exitReason() === null; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      const reason = this.current.exitReason();
      if (reason === null || this.restarts.length >= this.maxRestarts) throw error;
      this.restarts.push(`${step}: server ${reason}`);
      console.log(`[bench] the server ${reason} during ${step} (not the bench's doing): restarting it and repeating ${step} …`);
      this.current = await startProductionServer(this.options);
      await this.afterRestart?.();
      return work();
    }
  }

  stop(): Promise<void> {
    return this.current.stop();
  }
}
