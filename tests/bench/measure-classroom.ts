// The classroom at scale: a class of 200 students × 100 marks each on a 50-page document, scored
// against a 100-span key. Times, in-process, the teacher's results (scores, per-technique scores,
// confusion, Krippendorff's alpha, pairwise F1 — with the database read) and the class heatmap's
// service, beside a bare baseline (reading the same rows in plain SQL); then, when a production
// build exists, the heatmap page in headless Chromium until the shaded text is on screen, beside
// the same page for a class of 2 on a 2-page document (the page's fixed cost).
// Runs alone: `npx tsx tests/bench/measure-classroom.ts` (writes data/bench-classroom/).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../../lib/auth/password";
import { getAssignmentResults } from "../../lib/classroom/get-assignment-results";
import { getClassHeatmap } from "../../lib/classroom/get-class-heatmap";
import { createDatabaseClient, type Db } from "../../lib/db";
import { databaseFilePath } from "../../lib/database-url";
import { openSqlite } from "../../lib/sqlite-connection";
import { createWorkspace } from "../../lib/workspaces/create-workspace";
import { createDocument } from "../../lib/documents/create-document";
import { readPastedText } from "../../lib/documents/read-document-text";
import { generateDocumentText, planSpans } from "./generate-corpus";
import { createRng, type Rng } from "./prng";
import { prepareDatabaseFile } from "./seed-bench-database";
import { percentile, round, timed } from "./stats";

const PROJECT_ROOT = process.cwd();
const DIRECTORY = path.join(PROJECT_ROOT, "data", "bench-classroom");
const STUDENTS = 200;
const MARKS = 100;
const KEY_SPANS = 100;
const PAGE_CHARS = 3_000;
const PAGES = 50;
const RUNS = 5;
export const CLASSROOM_TARGETS = { resultsMs: 1000, heatmapReadyMs: 1500 };
const TEACHER = { email: "teacher@classroom.bench", name: "Bench Teacher", password: "bench-classroom-1925" };

/** A class: a document, a key, and students whose marks cluster around the key (as real classes' do) with strays. */
async function seedClass(db: Db, rng: Rng, { students, marks, keySpans, chars, title, teacherId, workspaceId }: { students: number; marks: number; keySpans: number; chars: number; title: string; teacherId: string; workspaceId: string }) {
  const text = generateDocumentText(rng, chars);
  const document = await createDocument(db, { actor: { id: teacherId }, workspaceId, metadata: { title }, content: readPastedText(text) });
  const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId: document.id } });
  const techniques = (await db.tag.findMany({ where: { workspaceId, category: "TECHNIQUE", taxonomy: "PTC_18" }, orderBy: { position: "asc" } })).map((t) => t.id);
  const pick = <T>(items: readonly T[]) => items[rng.int(0, items.length - 1)]!;
  const row = (authorId: string, start: number, end: number, techniqueId: string) => ({
    workspaceId,
    documentId: document.id,
    authorId,
    madeOnRevisionId: revision.id,
    anchorRevisionId: revision.id,
    start,
    end,
    exact: text.slice(start, end),
    kind: "BIAS_MARKER" as const,
    techniqueId,
  });
  const key = planSpans(rng, text, keySpans, 0).map((s) => ({ ...s, technique: pick(techniques.slice(0, 8)) }));
  await db.annotation.createMany({ data: key.map((s) => row(teacherId, s.start, s.end, s.technique)) });
  const keyIds = (await db.annotation.findMany({ where: { documentId: document.id, authorId: teacherId }, select: { id: true } })).map((a) => a.id);
  const assignment = await db.assignment.create({
    data: { workspaceId, title, markKinds: ["BIAS_MARKER"], documents: { create: [{ documentId: document.id }] }, keyAnnotations: { create: keyIds.map((annotationId) => ({ annotationId })) } },
  });
  const strays = planSpans(rng, text, Math.max(10, marks * 4), 0.2);
  const passwordHash = await hashPassword("bench-student-1925");
  for (let s = 0; s < students; s++) {
    const user = await db.user.create({ data: { email: `student-${title.length}-${s}-${rng.int(0, 1e9)}@classroom.bench`, name: `Student ${String(s + 1).padStart(3, "0")}`, passwordHash } });
    await db.membership.create({ data: { userId: user.id, workspaceId, role: "STUDENT" } });
    const rows = [];
    for (let m = 0; m < marks; m++) {
      if (m < marks * 0.6 && key.length > 0) {
        const target = key[(m + s) % key.length]!;
        const start = Math.max(0, target.start + rng.int(-6, 6));
        const end = Math.min(text.length, Math.max(start + 1, target.end + rng.int(-6, 6)));
        rows.push(row(user.id, start, end, rng.next() < 0.7 ? target.technique : pick(techniques)));
      } else {
        const stray = pick(strays);
        rows.push(row(user.id, stray.start, stray.end, pick(techniques)));
      }
    }
    await db.annotation.createMany({ data: rows });
    await db.submission.create({ data: { assignmentId: assignment.id, studentId: user.id, submittedAt: new Date() } });
  }
  return { assignmentId: assignment.id, documentId: document.id };
}

export interface ClassroomFigures {
  students: number;
  marks: number;
  textChars: number;
  resultsMs: number[];
  heatmapServiceMs: number[];
  baselineMs: number[];
  heatmapReadyMs: number[] | null;
  floorReadyMs: number[] | null;
}

/** Reads the class's rows in plain SQL and nothing else: what any results page must at least pay. */
function bareRead(databaseFile: string, assignmentId: string): number {
  const sql = openSqlite({ readonly: true, file: databaseFile });
  try {
    const rows = sql
      .prepare(`SELECT a.id, a.documentId, a.start, a."end", a.techniqueId, a.authorId FROM "AssignmentDocument" ad JOIN "Annotation" a ON a.documentId = ad.documentId WHERE ad.assignmentId = ?`)
      .raw(true)
      .all(assignmentId);
    return rows.length;
  } finally {
    sql.close();
  }
}

export async function measureClassroom({ withPage = true }: { withPage?: boolean } = {}): Promise<ClassroomFigures> {
  const databaseUrl = prepareDatabaseFile(DIRECTORY, "classroom.db");
  const databaseFile = databaseFilePath(databaseUrl);
  const db = createDatabaseClient(databaseUrl);
  const rng = createRng(0x1925_1218);
  try {
    console.log(`[classroom] seeding ${STUDENTS} students × ${MARKS} marks on a ${PAGES}-page document …`);
    const teacher = await db.user.create({ data: { email: TEACHER.email, name: TEACHER.name, passwordHash: await hashPassword(TEACHER.password) } });
    const workspace = await createWorkspace(db, { actor: teacher, input: { name: "Bench class", description: "" } });
    const big = await seedClass(db, rng, { students: STUDENTS, marks: MARKS, keySpans: KEY_SPANS, chars: PAGES * PAGE_CHARS, title: "Fifty pages", teacherId: teacher.id, workspaceId: workspace.id });
    const small = await seedClass(db, rng, { students: 2, marks: 10, keySpans: 10, chars: 2 * PAGE_CHARS, title: "Two pages", teacherId: teacher.id, workspaceId: workspace.id });
    const actor = { id: teacher.id };
    const textChars = (await db.documentRevision.findFirstOrThrow({ where: { documentId: big.documentId } })).text.length;

    const resultsMs: number[] = [];
    const heatmapServiceMs: number[] = [];
    const baselineMs: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const baseline = await timed(async () => bareRead(databaseFile, big.assignmentId));
      const results = await timed(() => getAssignmentResults(db, { actor, assignmentId: big.assignmentId, databaseFile }));
      const heatmap = await timed(() => getClassHeatmap(db, { actor, assignmentId: big.assignmentId, databaseFile }));
      if (run === 0) {
        console.log(`[classroom] ${baseline.result} rows; alpha ${results.result.agreement.overall?.toFixed(3)}; ${(heatmap.result.heatmap?.runs.length ?? 0) / 3} heatmap runs`);
        continue; // warm-up
      }
      baselineMs.push(baseline.ms);
      resultsMs.push(results.ms);
      heatmapServiceMs.push(heatmap.ms);
    }

    let heatmapReadyMs: number[] | null = null;
    let floorReadyMs: number[] | null = null;
    if (withPage) {
      const pages = await measureHeatmapPages({ databaseUrl, bigUrl: `/w/${workspace.id}/assignments/${big.assignmentId}/heatmap`, floorUrl: `/w/${workspace.id}/assignments/${small.assignmentId}/heatmap` });
      if (pages) ({ heatmapReadyMs, floorReadyMs } = pages);
    }
    return { students: STUDENTS, marks: MARKS, textChars, resultsMs, heatmapServiceMs, baselineMs, heatmapReadyMs, floorReadyMs };
  } finally {
    await db.$disconnect();
  }
}

/** The heatmap page in Chromium against a production build, if one exists (it is not built here). */
async function measureHeatmapPages({ databaseUrl, bigUrl, floorUrl }: { databaseUrl: string; bigUrl: string; floorUrl: string }) {
  const { readBuildId, snapshotBuild, startProductionServer } = await import("./server");
  if (readBuildId(PROJECT_ROOT) === null) {
    console.log("[classroom] no production build (.next/BUILD_ID): skipping the page timing; run `npm run build` first.");
    return null;
  }
  const { launchBrowser, newBenchContext, signIn } = await import("./measure-page");
  const appDir = path.join(DIRECTORY, "app");
  await snapshotBuild(PROJECT_ROOT, appDir);
  const port = Number(process.env.CLASSROOM_BENCH_PORT ?? 3216);
  const server = await startProductionServer({ appDir, port, databaseUrl, logFile: path.join(DIRECTORY, "server.log"), authSecret: "classroom-bench-secret-that-is-long-enough-1925" });
  const browser = await launchBrowser(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  try {
    const context = await newBenchContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, TEACHER);
    const ready = async (url: string) => {
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForSelector(".heatmap-text[data-ready='true']", { timeout: 30_000 });
      return page.evaluate(() => performance.now());
    };
    const heatmapReadyMs: number[] = [];
    const floorReadyMs: number[] = [];
    await ready(floorUrl); // warm-up: compiles nothing in production, but fills caches
    await ready(bigUrl);
    for (let run = 0; run < RUNS; run++) {
      floorReadyMs.push(await ready(floorUrl));
      heatmapReadyMs.push(await ready(bigUrl));
    }
    await context.close();
    return { heatmapReadyMs, floorReadyMs };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const median = (values: readonly number[]) => percentile(values, 50);

export function formatClassroom(figures: ClassroomFigures): string {
  const lines = [
    `classroom: ${figures.students} students × ${figures.marks} marks on ${figures.textChars.toLocaleString("en")} characters (${RUNS} runs, medians)`,
    `  results (scores, per technique, confusion, alpha, pairwise F1, with the read): ${round(median(figures.resultsMs))} ms (target < ${CLASSROOM_TARGETS.resultsMs} ms) = ${round(median(figures.resultsMs) / median(figures.baselineMs))}× the bare read`,
    `  heatmap service: ${round(median(figures.heatmapServiceMs))} ms = ${round(median(figures.heatmapServiceMs) / median(figures.baselineMs))}× the bare read`,
    `  bare read of the class's rows (baseline): ${round(median(figures.baselineMs))} ms`,
  ];
  if (figures.heatmapReadyMs && figures.floorReadyMs) {
    lines.push(
      `  heatmap page ready: ${round(median(figures.heatmapReadyMs))} ms (target < ${CLASSROOM_TARGETS.heatmapReadyMs} ms) = ${round(median(figures.heatmapReadyMs) / median(figures.floorReadyMs))}× the same page for 2 students on 2 pages (${round(median(figures.floorReadyMs))} ms)`,
      `  runs: heatmap ${figures.heatmapReadyMs.map((v) => round(v)).join(", ")}; floor ${figures.floorReadyMs.map((v) => round(v)).join(", ")}`,
    );
  }
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  measureClassroom({ withPage: process.env.CLASSROOM_BENCH_PAGE !== "0" })
    .then((figures) => {
      console.log(formatClassroom(figures));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
