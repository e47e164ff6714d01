// `npm run stress`: the probes of issue 10 against a production build on loopback, with the goals
// as a table. Not part of `npm test`; a missed goal is a finding, not a failure of the run.
//   npm run stress                 full run (about 5–10 minutes on a shared 2-core machine)
//   npm run stress -- --quick      shorter: fewer clients, seconds and crash cycles
//   npm run stress -- --app-dir=/path/to/other/checkout   probe another checkout's build
// It builds the app when there is no build (or sources are newer than it), uses its own database
// under data/stress/ (fresh each run), picks a free loopback port and stops by itself.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInProgress, readBuildId, staleBuildSources } from "../bench/server";
import { runCrossOriginChecks, type CrossOriginResult } from "./cross-origin";
import { runCrashCycles, type CrashResult } from "./crash-run";
import { runHostileSweep, type SweepResult } from "./hostile-sweep";
import { signIn } from "./http-session";
import { runFloor, runLoad, type FloorResult, type LoadResult } from "./load-run";
import { DEMO_ACCOUNT, formatWrkResults, measurePageVersusBaselines } from "./measure-wrk";
import { runRevocation, type RevocationResult } from "./revocation";
import { runServerActionChecks, type ServerActionResult } from "./server-actions";
import { freeLoopbackPort, prepareDatabase, StressServer, type StressServerOptions } from "./stress-server";
import { api, buildWorld } from "./stress-world";

const FULL = { wrkSeconds: 15, clients: 200, loadSeconds: 60, floorSeconds: 30, crashCycles: 30 };
const QUICK = { wrkSeconds: 10, clients: 50, loadSeconds: 15, floorSeconds: 10, crashCycles: 10 };
/** The floor runs' paths: the app's smallest signed-in page (one query) and next-auth's own JSON route. */
const FLOOR_PATHS = ["/account", "/api/auth/session"] as const;
/** The informational class run's pause between one client's actions: a quick reader's, not a bot's. */
const READING_PACE_MS = [2_000, 10_000] as const;
const GOAL = { sweepRequests: 2_000, pageShare: 0.25, clients: 200, p99Ms: 2_000, crashCycles: 30 };

interface Goal {
  goal: string;
  measured: string;
  met: boolean;
  /** False when a quick run was smaller than the goal asks: it cannot pass, only show. */
  sized: boolean;
}

function ensureBuild(appDir: string): void {
  while (buildInProgress(appDir)) spawnSync("sleep", ["2"]);
  const stale = readBuildId(appDir) === null ? ["(no build)"] : staleBuildSources(appDir);
  if (stale.length === 0) return;
  console.log(`[stress] building the app (${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""}) …`);
  const result = spawnSync("npx", ["next", "build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, timeout: 20 * 60_000 });
  if (result.status !== 0) throw new Error(`next build failed (status ${result.status}).`);
}

function printTable(goals: Goal[]): string {
  const rows = goals.map((g) => [g.goal, g.measured, g.met ? (g.sized ? "pass" : "pass (quick: smaller than the goal)") : "MISS"]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length), ["goal", "measured", "result"][i]?.length ?? 0));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(["goal", "measured", "result"]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

async function main() {
  const quick = process.argv.includes("--quick");
  const appDirArg = process.argv.find((a) => a.startsWith("--app-dir="));
  const appDir = path.resolve(appDirArg ? appDirArg.slice("--app-dir=".length) : process.cwd());
  const size = quick ? QUICK : FULL;
  const dataDir = path.resolve("data/stress");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, "stress.db");
  const logFile = path.join(dataDir, "server.log");
  const started = Date.now();
  console.log(`[stress] ${quick ? "quick" : "full"} run of ${appDir}; database ${databaseFile}; server log ${logFile}`);

  ensureBuild(appDir);
  prepareDatabase({ appDir, databaseFile, logFile });
  // `--port=N` pins the server's port (on a shared machine, each person has their own range).
  const portArg = process.argv.find((a) => a.startsWith("--port="));
  const port = portArg ? Number(portArg.slice("--port=".length)) : await freeLoopbackPort();
  const options: StressServerOptions = { appDir, port, databaseFile, logFile };
  let server = await StressServer.start(options);
  const baseUrl = server.baseUrl;
  console.log(`[stress] server at ${baseUrl} (${fs.existsSync(path.join(appDir, "scripts/start-server.mjs")) ? `one process per core: ${os.availableParallelism()}` : "next start, one process"})`);
  try {
    const cookie = await signIn(baseUrl, DEMO_ACCOUNT);
    const world = await buildWorld({ baseUrl, cookie, databaseFile, demoEmail: DEMO_ACCOUNT.email });

    console.log(`[stress] (6) wrk: document page vs /api/auth/session vs a static file, ${size.wrkSeconds} s each …`);
    const wrk = await measurePageVersusBaselines({ baseUrl, databaseFile, seconds: size.wrkSeconds });
    console.log(formatWrkResults(wrk));

    console.log("[stress] (1) hostile-input sweep …");
    const sweep: SweepResult = await runHostileSweep(world);
    console.log(`[stress]   ${sweep.requests} requests; by status: ${[...sweep.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(" ")}`);
    for (const [group, count] of [...sweep.serverErrorsBy].sort((a, b) => b[1] - a[1])) console.log(`[stress]   5xx × ${String(count).padStart(3)}  ${group}`);
    for (const example of sweep.examples.slice(0, 5)) console.log(`[stress]   e.g. ${example}`);

    console.log("[stress] (2) cross-origin writes …");
    const cross: CrossOriginResult = await runCrossOriginChecks(world);
    for (const example of cross.acceptedExamples) console.log(`[stress]   accepted: ${example}`);
    for (const failure of cross.controlFailures) console.log(`[stress]   same-origin control not accepted: ${failure}`);

    console.log("[stress] (3) revocation of a copied session cookie …");
    const account = { email: `stress-${Date.now()}@example.test`, password: "stress-run-password-1925" };
    const signedUp = await api(world, "POST", "/api/users", { kind: "json", value: { name: "Stress Probe", ...account } });
    if (signedUp.status !== 201 && signedUp.status !== 200) throw new Error(`Signing up the revocation account answered ${signedUp.status}: ${JSON.stringify(signedUp.json).slice(0, 200)}`);
    const revocation: RevocationResult = await runRevocation(baseUrl, account, `/api/documents/${world.documentId}`);

    console.log("[stress] (3b) server actions: a replay without Origin; a password change ending the other sessions …");
    const actionAccount = { email: `stress-actions-${Date.now()}@example.test`, password: "stress-run-password-1925" };
    const actionSignUp = await api(world, "POST", "/api/users", { kind: "json", value: { name: "Stress Actions", ...actionAccount } });
    if (actionSignUp.status !== 201 && actionSignUp.status !== 200) throw new Error(`Signing up the server-action account answered ${actionSignUp.status}`);
    const actions: ServerActionResult = await runServerActionChecks(baseUrl, appDir, actionAccount);

    console.log(`[stress] (4) load: ${size.clients} clients reading pages and saving annotations for ${size.loadSeconds} s …`);
    const cookies: string[] = [];
    for (let i = 0; i < 8; i++) cookies.push(await signIn(baseUrl, DEMO_ACCOUNT));
    const load: LoadResult = await runLoad(world, { clients: size.clients, seconds: size.loadSeconds, cookies });
    console.log(`[stress]   ${describeLoad(load)}`);

    // The floor: the same closed loop on the cheapest things the app serves to a signed-in user.
    const floors: FloorResult[] = [];
    for (const floorPath of FLOOR_PATHS) {
      console.log(`[stress] (4a) floor: the same ${size.clients} clients asking only for ${floorPath}, ${size.floorSeconds} s …`);
      const floor = await runFloor(world, { clients: size.clients, seconds: size.floorSeconds, cookies, path: floorPath });
      floors.push(floor);
      console.log(`[stress]   ${describeFloor(floor)}`);
    }

    // The same clients at a reading pace: no goal, a figure for deciding what "a class at once" asks.
    console.log(`[stress] (4b) a class at reading pace: ${size.clients} clients, ${READING_PACE_MS[0] / 1000}–${READING_PACE_MS[1] / 1000} s between actions, ${size.loadSeconds} s …`);
    const paced: LoadResult = await runLoad(world, { clients: size.clients, seconds: size.loadSeconds, cookies, thinkMs: READING_PACE_MS });
    console.log(`[stress]   ${describeLoad(paced)}`);

    console.log(`[stress] (5) crash: kill -9 mid-write, ${size.crashCycles} cycles …`);
    const crashed = await runCrashCycles(world, server, options, { cycles: size.crashCycles });
    server = crashed.server;
    const crash: CrashResult = crashed.result;
    console.log(`[stress]   ${crash.acknowledged} saves acknowledged, ${crash.lost} missing; integrity_check: ${crash.integrity}`);

    const pageShare = wrk.pageToSession;
    const goals: Goal[] = [
      {
        goal: "0 × 5xx in the hostile sweep (≥ 2,000 requests)",
        measured: `${sweep.requests} requests: ${sweep.serverErrors} × 5xx, ${sweep.failedToAnswer} unanswered`,
        met: sweep.requests >= GOAL.sweepRequests && sweep.serverErrors === 0 && sweep.failedToAnswer === 0,
        sized: true,
      },
      {
        goal: "0 cross-origin writes accepted",
        measured: `${cross.accepted} of ${cross.attempts} accepted (same-origin controls: ${cross.controlsAccepted}/${cross.controls} accepted)`,
        met: cross.accepted === 0,
        sized: true,
      },
      {
        goal: "revoked sessions refused within 1 s",
        measured: `${revocation.refusedWithinOneSecond} of ${revocation.trials} refused${revocation.worstMs === null ? "" : ` (slowest ${revocation.worstMs.toFixed(0)} ms)`}`,
        met: revocation.refusedWithinOneSecond === revocation.trials,
        sized: true,
      },
      {
        goal: "server action replayed without Origin refused",
        measured: `${actions.replayWithoutOriginRefused ? "refused" : "ACCEPTED"} (with Origin, the same replay ${actions.controlAccepted ? "works" : "failed: the check proves nothing"})`,
        met: actions.replayWithoutOriginRefused && actions.controlAccepted,
        sized: true,
      },
      {
        goal: "password change ends the other sessions within 1 s",
        measured: `${actions.passwordChangeRevokedMs === null ? "not within 1 s" : `after ${actions.passwordChangeRevokedMs.toFixed(0)} ms`}; the changing session ${actions.changerKept ? "kept" : "LOST"}`,
        met: actions.passwordChangeRevokedMs !== null && actions.changerKept,
        sized: true,
      },
      {
        goal: "document page ≥ 25 % of /api/auth/session's throughput",
        measured: `${wrk.results[0]?.requestsPerSecond.toFixed(1)} vs ${wrk.results[1]?.requestsPerSecond.toFixed(1)} req/s = ${(pageShare * 100).toFixed(1)} % (static ${wrk.results[2]?.requestsPerSecond.toFixed(0)} req/s)`,
        met: pageShare >= GOAL.pageShare,
        sized: true,
      },
      { goal: `${GOAL.clients} concurrent clients: 0 timeouts`, measured: `${load.clients} clients: ${load.timeouts} timeouts (30 s), ${load.serverErrors} × 5xx`, met: load.timeouts === 0, sized: load.clients >= GOAL.clients },
      { goal: `${GOAL.clients} concurrent clients: p99 < 2 s`, measured: `p50 ${load.p50Ms.toFixed(0)} ms, p95 ${load.p95Ms.toFixed(0)} ms, p99 ${load.p99Ms.toFixed(0)} ms${floors.map((f) => `; ${f.path} alone p99 ${f.p99Ms.toFixed(0)} ms`).join("")}`, met: load.p99Ms < GOAL.p99Ms, sized: load.clients >= GOAL.clients },
      { goal: `${GOAL.clients} concurrent clients: 0 acknowledged writes lost`, measured: `${load.lost} of ${load.acknowledged} missing`, met: load.lost === 0 && load.acknowledged > 0, sized: load.clients >= GOAL.clients },
      {
        goal: "0 lost in ≥ 30 crash cycles, integrity_check ok",
        measured: `${crash.cycles} cycles: ${crash.lost} of ${crash.acknowledged} missing; integrity ${crash.integrity}`,
        met: crash.lost === 0 && crash.acknowledged > 0 && crash.integrity === "ok",
        sized: crash.cycles >= GOAL.crashCycles,
      },
    ];
    const table = printTable(goals);
    const met = goals.filter((g) => g.met).length;
    console.log(`\nnpm run stress${quick ? " -- --quick" : ""} · ${new Date().toISOString()} · ${Math.round((Date.now() - started) / 1000)} s · load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}\n`);
    console.log(table);
    console.log(`\n${met} of ${goals.length} goals met.`);
    console.log(
      `Also measured (no goal): ${paced.clients} clients pausing ${READING_PACE_MS[0] / 1000}–${READING_PACE_MS[1] / 1000} s between actions: ` +
        `${(paced.requests / paced.seconds).toFixed(1)} requests/s, p50 ${paced.p50Ms.toFixed(0)} ms, p95 ${paced.p95Ms.toFixed(0)} ms, p99 ${paced.p99Ms.toFixed(0)} ms (after the opening ${paced.steadyP99Ms.toFixed(0)}), ${paced.timeouts} timeouts, ${paced.lost} of ${paced.acknowledged} saves missing.`,
    );
    for (const floor of floors) console.log(`Also measured (no goal): the floor, ${describeFloor(floor)}.`);
    fs.writeFileSync(path.join(dataDir, "results.json"), JSON.stringify({ quick, appDir, wrk, paced, floors, sweep: { ...sweep, byStatus: Object.fromEntries(sweep.byStatus), serverErrorsBy: Object.fromEntries(sweep.serverErrorsBy) }, cross, revocation, actions, load, crash, goals }, null, 2));
  } finally {
    await server.stop();
  }
}

function describeLoad(load: LoadResult): string {
  return (
    `${load.requests} requests in ${load.seconds.toFixed(1)} s (${(load.requests / load.seconds).toFixed(1)}/s; ${load.pageRequests} pages, ${load.textRequests} texts, ${load.saves} saves, ${load.acknowledged} acknowledged); ` +
    `p50 ${load.p50Ms.toFixed(0)} ms, p95 ${load.p95Ms.toFixed(0)} ms, p99 ${load.p99Ms.toFixed(0)} ms (after the opening ${load.steadyP99Ms.toFixed(0)}; pages p99 ${load.pageP99Ms.toFixed(0)}, saves p99 ${load.saveP99Ms.toFixed(0)}); ` +
    `${load.timeouts} timeouts, ${load.serverErrors} × 5xx, ${load.errors} other errors; ${load.lost} acknowledged saves missing`
  );
}

function describeFloor(floor: FloorResult): string {
  return (
    `${floor.clients} clients on ${floor.path} alone: ${(floor.requests / floor.seconds).toFixed(1)} requests/s, ` +
    `p50 ${floor.p50Ms.toFixed(0)} ms, p95 ${floor.p95Ms.toFixed(0)} ms, p99 ${floor.p99Ms.toFixed(0)} ms (after the opening ${floor.steadyP99Ms.toFixed(0)}); ${floor.timeouts} timeouts, ${floor.errors} errors`
  );
}

main().catch((error: unknown) => {
  console.error("[stress] the run could not finish:", error);
  process.exit(1);
});
