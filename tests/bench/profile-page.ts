// Where the document page spends its client time: a CPU profile of one page load and of typing in
// editing mode, summarised by self time per function. Runs against a server already listening on
// BENCH_URL (default http://127.0.0.1:3200) on the bench database (npm run bench seeds it):
//   DATABASE_URL=file:$PWD/data/bench/bench.db NEXTAUTH_SECRET=x npx next start -p 3200 -H 127.0.0.1 &
//   npx tsx tests/bench/profile-page.ts [load|type]
// Writes data/bench/profile-<what>.cpuprofile (open it in Chromium's DevTools).
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, measureKeystrokes, newBenchContext, openDocumentPage, signIn } from "./measure-page";
import { BENCH_ACCOUNT } from "./seed-bench-database";
import { createDatabaseClient } from "../../lib/db";
import { visibleTo } from "../../lib/annotations/annotation-view";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(profile: Profile, top = 25): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const file = node.callFrame.url.split("/").pop() ?? "";
    const key = `${node.callFrame.functionName || "(anonymous)"} ${file}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + ms);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  return [`total ${total.toFixed(0)} ms`, ...[...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)].join("\n");
}

async function main() {
  const what = process.argv[2] ?? "load";
  const baseUrl = process.env.BENCH_URL ?? "http://127.0.0.1:3200";
  const db = createDatabaseClient(`file:${path.resolve("data/bench/bench.db")}`);
  const doc = await db.document.findFirstOrThrow({ select: { id: true } });
  const user = await db.user.findUniqueOrThrow({ where: { email: BENCH_ACCOUNT.email }, select: { id: true } });
  const expected = await db.annotation.count({ where: { documentId: doc.id, anchorStatus: "ANCHORED", ...visibleTo(user.id) } });
  await db.$disconnect();
  const browser = await launchBrowser(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  const context = await newBenchContext(browser, baseUrl);
  const first = await context.newPage();
  await signIn(first, BENCH_ACCOUNT);
  const url = `/documents/${doc.id}`;
  await first.goto(url);
  await first.close();

  const started = Date.now();
  const opened = await openDocumentPage(context, url, expected);
  console.log(`ready ${opened.run.readyMs.toFixed(0)} ms (editor ${opened.run.editorMs.toFixed(0)}, TTFB ${opened.run.responseStartMs.toFixed(0)}, response end ${opened.run.responseEndMs.toFixed(0)}, DCL ${opened.run.domContentLoadedMs.toFixed(0)}), wall ${Date.now() - started} ms`);
  if (what === "type") {
    const typing = await context.newCDPSession(opened.page);
    await typing.send("Profiler.enable");
    await typing.send("Profiler.setSamplingInterval", { interval: 200 });
    await typing.send("Profiler.start");
    const run = await measureKeystrokes(opened.page, 0);
    const sorted = run.samples.map((s) => s.toPaintMs).sort((a, b) => a - b);
    console.log(`keys p50 ${sorted[50]?.toFixed(1)} p95 ${sorted[95]?.toFixed(1)} max ${sorted[sorted.length - 1]?.toFixed(1)}; main thread/key ${run.perKey.taskMs.toFixed(1)} ms`);
    const { profile } = (await typing.send("Profiler.stop")) as { profile: Profile };
    fs.writeFileSync("data/bench/profile-type.cpuprofile", JSON.stringify(profile));
    console.log(summarise(profile));
  } else {
    // A profiler session belongs to a page: profile a reload of the page just opened.
    const loading = await context.newCDPSession(opened.page);
    await loading.send("Profiler.enable");
    await loading.send("Profiler.setSamplingInterval", { interval: 200 });
    await loading.send("Profiler.start");
    await opened.page.reload({ waitUntil: "commit" });
    await opened.page.waitForFunction((n) => (document.querySelectorAll(".ProseMirror [data-annotation-id]").length >= n), expected, { polling: 100, timeout: 60_000 });
    await opened.page.waitForTimeout(300);
    const { profile } = (await loading.send("Profiler.stop")) as { profile: Profile };
    fs.writeFileSync("data/bench/profile-load.cpuprofile", JSON.stringify(profile));
    console.log(summarise(profile, 40));
  }
  await browser.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
