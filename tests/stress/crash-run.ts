// Crash cycles: the server is killed with SIGKILL (every process of it) while clients are saving
// annotations, and started again, `cycles` times. Then every save it acknowledged must be in the
// database, and SQLite's integrity check must pass.
import Database from "better-sqlite3";
import { missingAnnotations } from "./load-run";
import { StressServer, type StressServerOptions } from "./stress-server";
import { createAnnotation, currentText, type StressWorld } from "./stress-world";

export interface CrashResult {
  cycles: number;
  acknowledged: number;
  lost: number;
  integrity: string;
  restartFailures: number;
}

const WRITERS = 8;
/** Acknowledged saves a cycle waits for before its kill (a loaded machine answers slowly after a restart). */
const ACKS_BEFORE_KILL = 3;
const ACK_WAIT_MS = 60_000;

export async function runCrashCycles(world: StressWorld, server: StressServer, options: StressServerOptions, { cycles }: { cycles: number }): Promise<{ result: CrashResult; server: StressServer }> {
  const acknowledged: string[] = [];
  let current = server;
  let restartFailures = 0;
  const { revisionId, text } = await currentText(world, world.documentId);
  for (let cycle = 0; cycle < cycles; cycle++) {
    let stop = false;
    const writer = async (n: number) => {
      let step = 0;
      while (!stop) {
        step += 1;
        try {
          const made = await createAnnotation(world, world.documentId, revisionId, text, (cycle * 977 + n * 131 + step * 17) % text.length, `crash ${cycle}/${n}/${step}`);
          if (made.id) acknowledged.push(made.id);
        } catch {
          // the connection died with the server: this save was never acknowledged
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const ackedBefore = acknowledged.length;
    const writers = Array.from({ length: WRITERS }, (_, n) => writer(n));
    // Mid-write: once this cycle's saves are being acknowledged (the writers keep 8 in flight all
    // the time), after a further 0–500 ms.
    const waitUntil = Date.now() + ACK_WAIT_MS;
    while (acknowledged.length - ackedBefore < ACKS_BEFORE_KILL && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 25));
    await new Promise((resolve) => setTimeout(resolve, (cycle * 379) % 500));
    await current.kill();
    stop = true;
    await Promise.all(writers);
    try {
      current = await StressServer.start(options);
    } catch {
      restartFailures += 1;
      current = await StressServer.start(options);
    }
    if ((cycle + 1) % 10 === 0) console.log(`[stress]   crash cycle ${cycle + 1}/${cycles}: ${acknowledged.length} saves acknowledged so far`);
  }
  const lost = missingAnnotations(world.databaseFile, acknowledged).length;
  const sql = new Database(world.databaseFile, { readonly: true, fileMustExist: true });
  let integrity: string;
  try {
    integrity = (sql.prepare("PRAGMA integrity_check").pluck().all() as string[]).join("; ");
  } finally {
    sql.close();
  }
  return { result: { cycles, acknowledged: acknowledged.length, lost, integrity, restartFailures }, server: current };
}
