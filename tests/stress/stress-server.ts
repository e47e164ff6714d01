import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

/** A free TCP port on loopback, chosen by the kernel. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("No free port."))));
    });
  });
}

export interface StressServerOptions {
  appDir: string;
  port: number;
  databaseFile: string;
  logFile: string;
  /** Another database than the SQLite file (e.g. PostgreSQL), and extra environment such as WEB_CONCURRENCY. */
  databaseUrl?: string;
  env?: Record<string, string>;
}

/** Applies migrations and seeds the demo workspace, as `npm start` does before its server starts. */
export function prepareDatabase({ appDir, databaseFile, logFile }: Omit<StressServerOptions, "port">): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${databaseFile}` };
  delete env.NEXTAUTH_SECRET; // as on a first local start: the demo account is created
  const result = spawnSync("npx", ["tsx", "prisma/prepare-database.ts"], {
    cwd: appDir,
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
  fs.appendFileSync(logFile, `${result.stdout}${result.stderr}`);
  if (result.status !== 0) throw new Error(`prepare-database failed (status ${result.status}); see ${logFile}`);
}

/**
 * The production server as `npm start` runs it after preparing the database: the per-core cluster
 * (scripts/start-server.mjs) where the checkout has one, else `next start`. It runs in a process
 * group of its own, so a crash test can kill every process of it at once.
 */
export class StressServer {
  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start({ appDir, port, databaseFile, logFile, databaseUrl, env: extraEnv }: StressServerOptions): Promise<StressServer> {
    const clustered = fs.existsSync(path.join(appDir, "scripts", "start-server.mjs"));
    const [command, args] = clustered ? ["node", ["scripts/start-server.mjs"]] : ["node", [path.join(appDir, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]];
    const log = fs.openSync(logFile, "a");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), LISTEN_HOST: "127.0.0.1", DATABASE_URL: databaseUrl ?? `file:${databaseFile}`, NEXT_TELEMETRY_DISABLED: "1" };
    // The locally generated secret (data/.nextauth-secret), as on a first start: the demo account exists.
    delete env.NEXTAUTH_SECRET;
    Object.assign(env, extraEnv);
    const child = spawn(command, args, { cwd: appDir, env, detached: true, stdio: ["ignore", log, log] });
    fs.closeSync(log);
    const server = new StressServer(child, `http://127.0.0.1:${port}`);
    await server.waitUntilReady();
    return server;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`The server exited (${this.child.exitCode ?? this.child.signalCode}) before it was ready.`);
      try {
        const response = await fetch(`${this.baseUrl}/signin`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    this.kill();
    throw new Error(`The server did not answer within ${START_TIMEOUT_MS / 1000} s.`);
  }

  private exited(): Promise<void> {
    return this.running ? new Promise((resolve) => this.child.once("exit", () => resolve())) : Promise.resolve();
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }

  /** kill -9 of every process of the server at once: a crash, as a power cut leaves it. */
  kill(): Promise<void> {
    this.signalGroup("SIGKILL");
    return this.exited();
  }

  /** Asks the server to stop as Ctrl+C would; kills it if it has not stopped in time. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.signalGroup("SIGTERM");
    const stopped = await Promise.race([this.exited().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS))]);
    if (!stopped) await this.kill();
    // Workers left behind by a primary that died are ended too.
    this.signalGroup("SIGKILL");
  }
}
