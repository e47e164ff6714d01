// Search at corpus scale: `npx tsx tests/bench/measure-search.ts` (also part of `npm run bench`).
// A generated workspace of 2,000 documents × 50 kB (100 MB of text) with 100,000 annotations:
// building the index, searching it (top 20 with snippets, against a bare FTS5 MATCH … ORDER BY
// rank LIMIT 20 on the same index in the same run), saving an annotation with the index kept in
// step, suggested links; and recall@5 of the suggestions on the seed corpus with the demo links as
// the answers. Smaller sizes for a quick look: SEARCH_BENCH_DOCS, SEARCH_BENCH_CHARS,
// SEARCH_BENCH_ANNOTATIONS.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describeRange } from "../../lib/anchoring/describe-range";
import { createAnnotation } from "../../lib/annotations/create-annotation";
import { contentHash } from "../../lib/documents/create-document";
import { createDatabaseClient, type Db } from "../../lib/db";
import { parseSearchQuery } from "../../lib/search/parse-search-query";
import { indexDocumentTextSync } from "../../lib/search/index-document-text";
import { searchSql } from "../../lib/search/search-sql";
import { describeHits, findHitRows, searchWorkspace } from "../../lib/search/search-workspace";
import { suggestLinks } from "../../lib/search/suggest-links";
import { toStoredDate } from "../../lib/sqlite-connection";
import { createWorkspace } from "../../lib/workspaces/create-workspace";
import { generateDocumentText, planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng, type Rng } from "./prng";
import { evaluateMetrics, formatTable, writeResults, type Metric, loadAverage, machineLines } from "./report";
import { prepareDatabaseFile } from "./seed-bench-database";
import { percentile, round } from "./stats";
import { measureSuggestionRecall, type SuggestionRecall } from "./suggestion-recall";

export const SEARCH_TARGETS = { searchP95Ms: 60, ratioToBare: 2, saveP99Ms: 25, suggestionsP95Ms: 100 };

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export interface SearchBenchPlan {
  documents: number;
  charsPerDocument: number;
  annotations: number;
  queries: number;
  saves: number;
  suggestions: number;
  seed: number;
}

export function searchBenchPlan(): SearchBenchPlan {
  return {
    documents: numberFromEnv("SEARCH_BENCH_DOCS", 2_000),
    charsPerDocument: numberFromEnv("SEARCH_BENCH_CHARS", 50_000),
    annotations: numberFromEnv("SEARCH_BENCH_ANNOTATIONS", 100_000),
    queries: 120,
    saves: 200,
    suggestions: 100,
    seed: 0x5ea4c4,
  };
}

/**
 * A lexicon of made-up surnames and places, drawn with a Zipf-like skew: the seed sentences the
 * generator reuses give every document the same vocabulary, where real corpora have many rare
 * words (names, places, numbers) — the queries a historian types most.
 */
function makeLexicon(rng: Rng, size: number): string[] {
  const syllables = ["ka", "vo", "lin", "ro", "sha", "mi", "tov", "ev", "ski", "zin", "ber", "gor", "dan", "pol", "kov", "na", "ush", "tin", "mar", "lev"];
  const words = new Set<string>();
  while (words.size < size) {
    const parts = rng.int(2, 4);
    let word = "";
    for (let i = 0; i < parts; i++) word += rng.pick(syllables);
    words.add(word[0]!.toUpperCase() + word.slice(1));
  }
  return [...words];
}

function zipfPick(rng: Rng, words: readonly string[]): string {
  // Rank ~ 1/u: a few words are common, most are rare.
  const rank = Math.min(words.length - 1, Math.floor(1 / Math.max(rng.next(), 1 / words.length)) - 1);
  return words[rank]!;
}

/** A document's text: generated prose with a sentence of names, places and numbers in each paragraph. */
function documentText(rng: Rng, chars: number, lexicon: readonly string[]): string {
  return generateDocumentText(rng, chars)
    .split("\n\n")
    .map((block) => (block.length > 90 ? `${block} Delegate ${zipfPick(rng, lexicon)} of ${zipfPick(rng, lexicon)} reported ${rng.int(1, 9)},${String(rng.int(0, 999)).padStart(3, "0")} members.` : block))
    .join("\n\n");
}

interface Seeded {
  userId: string;
  workspaceId: string;
  documentIds: string[];
  characters: number;
  blocks: number;
  indexBuildMs: number;
  textInsertMs: number;
  annotationInsertMs: number;
  lexicon: string[];
  sentences: string[];
}

async function seed(db: Db, databaseFile: string, plan: SearchBenchPlan, log: (message: string) => void): Promise<Seeded> {
  const rng = createRng(plan.seed);
  const user = await db.user.create({ data: { email: "search-bench@workbench.local", name: "Search Bench Historian", passwordHash: "!" }, select: { id: true } });
  const workspace = await createWorkspace(db, { actor: user, input: { name: "Search bench", description: "A generated corpus for timing search." } });
  const techniqueIds = (await db.tag.findMany({ where: { workspaceId: workspace.id, category: "TECHNIQUE" }, select: { id: true } })).map((t) => t.id);
  const lexicon = makeLexicon(rng, 20_000);

  const sql = new Database(databaseFile, { fileMustExist: true });
  sql.pragma("journal_mode = WAL");
  sql.pragma("foreign_keys = ON");
  try {
    const insertDocument = sql.prepare(
      `INSERT INTO "Document" (id, workspaceId, title, authors, dateText, dateSortKey, dateEndKey, sourceKind, genre, language, currentRevisionNumber, createdById, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const insertRevision = sql.prepare(`INSERT INTO "DocumentRevision" (id, documentId, number, text, contentHash, createdById, createdAt) VALUES (?, ?, 1, ?, ?, ?, ?)`);
    const now = toStoredDate(new Date());
    const documents: { id: string; revisionId: string; text: string }[] = [];
    let textMs = 0;
    let indexMs = 0;
    const kinds = ["PRIMARY", "SECONDARY", "TERTIARY"] as const;
    const BATCH = 100;
    for (let from = 0; from < plan.documents; from += BATCH) {
      const batch: { id: string; revisionId: string; text: string; year: number; kind: string }[] = [];
      for (let i = from; i < Math.min(plan.documents, from + BATCH); i++) {
        batch.push({ id: randomUUID(), revisionId: randomUUID(), text: documentText(rng, plan.charsPerDocument, lexicon), year: 1920 + (i % 15), kind: kinds[i % 3]! });
      }
      let started = performance.now();
      sql.transaction(() => {
        for (const [n, d] of batch.entries()) {
          insertDocument.run(d.id, workspace.id, `Generated source ${from + n + 1}`, JSON.stringify([zipfPick(rng, lexicon)]), String(d.year), d.year * 10000, d.year * 10000 + 1231, d.kind, "press", (from + n) % 5 === 0 ? "ru" : "en", user.id, now, now);
          insertRevision.run(d.revisionId, d.id, d.text, contentHash(d.text), user.id, now);
        }
      })();
      textMs += performance.now() - started;
      // The index build: what createDocument and the import do for each text, timed apart.
      started = performance.now();
      sql.transaction(() => {
        for (const d of batch) indexDocumentTextSync(sql, { workspaceId: workspace.id, documentId: d.id, revisionId: d.revisionId, text: d.text });
      })();
      indexMs += performance.now() - started;
      documents.push(...batch.map(({ id, revisionId, text }) => ({ id, revisionId, text })));
      if ((from / BATCH) % 5 === 4) log(`${documents.length} documents written, index ${Math.round(indexMs)} ms so far`);
    }

    // Annotations through raw inserts: the triggers index each one (its cost is in this figure).
    const insertAnnotation = sql.prepare(
      `INSERT INTO "Annotation" (id, workspaceId, documentId, authorId, madeOnRevisionId, anchorRevisionId, anchorStatus, start, "end", exact, prefix, suffix,
                                 kind, techniqueId, verdict, confidence, note, visibility, createdAt, updatedAt)
       VALUES (@id, @workspaceId, @documentId, @authorId, @revisionId, @revisionId, 'ANCHORED', @start, @end, @exact, @prefix, @suffix,
               @kind, @techniqueId, @verdict, @confidence, @note, @visibility, @createdAt, @createdAt)`,
    );
    const perDocument = Math.ceil(plan.annotations / documents.length);
    let made = 0;
    const started = performance.now();
    sql.transaction(() => {
      for (const document of documents) {
        const count = Math.min(perDocument, plan.annotations - made);
        for (const { start, end } of planSpans(rng, document.text, count)) {
          const { quote } = describeRange(document.text, start, end);
          insertAnnotation.run({ id: randomUUID(), workspaceId: workspace.id, documentId: document.id, authorId: user.id, revisionId: document.revisionId, start, end, ...quote, ...planAnnotationBody(rng, techniqueIds), createdAt: now });
          made += 1;
        }
      }
    })();
    const annotationInsertMs = performance.now() - started;
    const blocks = Number(sql.prepare(`SELECT count(*) FROM "SearchEntry" WHERE source = 'BLOCK'`).pluck().get());
    sql.pragma("wal_checkpoint(TRUNCATE)");
    sql.exec(`INSERT INTO "SearchText" ("SearchText") VALUES ('optimize')`);
    const sentences = documents.slice(0, 20).flatMap((d) => d.text.split(/(?<=\.)\s+/).filter((s) => s.length > 60 && s.length < 300));
    return {
      userId: user.id,
      workspaceId: workspace.id,
      documentIds: documents.map((d) => d.id),
      characters: documents.reduce((sum, d) => sum + d.text.length, 0),
      blocks,
      indexBuildMs: indexMs,
      textInsertMs: textMs,
      annotationInsertMs,
      lexicon,
      sentences,
    };
  } finally {
    sql.close();
  }
}

/** What historians type: common words, rare names, phrases, prefixes, OR, NEAR, exclusions. */
function benchQueries(rng: Rng, seeded: Seeded, count: number): string[] {
  const words = [...new Set(seeded.sentences.join(" ").toLowerCase().match(/\p{L}{5,}/gu) ?? [])];
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = i % 8;
    const word = () => rng.pick(words);
    const name = () => zipfPick(rng, seeded.lexicon);
    if (shape === 0) queries.push(word());
    else if (shape === 1) queries.push(name());
    else if (shape === 2) queries.push(`${word()} ${word()}`);
    else if (shape === 3) {
      const sentence = rng.pick(seeded.sentences).split(/\s+/);
      const at = rng.int(0, Math.max(0, sentence.length - 3));
      queries.push(`"${sentence.slice(at, at + 3).join(" ").replace(/"/g, "")}"`);
    } else if (shape === 4) queries.push(`${word().slice(0, 5)}*`);
    else if (shape === 5) queries.push(`${name()} OR ${name()}`);
    else if (shape === 6) queries.push(`${word()} NEAR ${word()}`);
    else queries.push(`${word()} -${word()}`);
  }
  return queries;
}

export interface SearchBenchResults {
  plan: SearchBenchPlan;
  corpus: { documents: number; characters: number; blocks: number; annotations: number };
  indexBuildMs: number;
  textInsertMs: number;
  annotationInsertMs: number;
  databaseBytes: number;
  bareMs: number[];
  topMs: number[];
  fullMs: number[];
  saveMs: number[];
  saveWithoutIndexMs: number[];
  suggestionsMs: number[];
  recall: SuggestionRecall;
}

export async function measureSearch({ directory, log }: { directory: string; log: (message: string) => void }): Promise<SearchBenchResults> {
  const plan = searchBenchPlan();
  const databaseUrl = prepareDatabaseFile(directory, "search.db");
  const databaseFile = path.join(directory, "search.db");
  const db = createDatabaseClient(databaseUrl);
  try {
    log(`generating ${plan.documents.toLocaleString("en")} documents × ${plan.charsPerDocument.toLocaleString("en")} characters with ${plan.annotations.toLocaleString("en")} annotations …`);
    const seeded = await seed(db, databaseFile, plan, log);
    log(`index of ${seeded.blocks.toLocaleString("en")} blocks built in ${Math.round(seeded.indexBuildMs)} ms; annotations (indexed by trigger) inserted in ${Math.round(seeded.annotationInsertMs)} ms`);

    const rng = createRng(plan.seed + 1);
    const queries = benchQueries(rng, seeded, plan.queries);
    const bare = new Database(databaseFile, { readonly: true });
    const bareQuery = bare.prepare(`SELECT rowid FROM "SearchText" WHERE "SearchText" MATCH ? ORDER BY rank LIMIT 20`);
    const actor = { id: seeded.userId };
    const bareMs: number[] = [];
    const topMs: number[] = [];
    const fullMs: number[] = [];
    // Warm the page cache and the statement caches, then time each query three ways, interleaved.
    for (const q of queries.slice(0, 10)) {
      const { match } = parseSearchQuery(q);
      if (match) bareQuery.all(match);
      await searchWorkspace(db, { actor, workspaceId: seeded.workspaceId, input: { q } });
    }
    for (const q of queries) {
      const { match } = parseSearchQuery(q);
      if (!match) continue;
      let started = performance.now();
      bareQuery.all(match);
      bareMs.push(performance.now() - started);
      started = performance.now();
      const sql = searchSql({ match, userId: seeded.userId, workspaceId: seeded.workspaceId, filters: { scope: "all" } });
      await describeHits(db, await findHitRows(db, sql, { match, limit: 20, offset: 0 }));
      topMs.push(performance.now() - started);
      started = performance.now();
      await searchWorkspace(db, { actor, workspaceId: seeded.workspaceId, input: { q } });
      fullMs.push(performance.now() - started);
    }
    bare.close();
    log(`searches: bare p50 ${round(percentile(bareMs, 50))} ms, top-20 with snippets p50 ${round(percentile(topMs, 50))} ms, with counts and facets p50 ${round(percentile(fullMs, 50))} ms`);

    // Saving an annotation with the index kept in step (the trigger runs inside the insert), in
    // rounds alternating with saves while the indexing trigger is dropped: the same saves' cost
    // without the index, in the same run. Those are deleted again afterwards.
    const documentId = seeded.documentIds[0]!;
    const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId }, select: { id: true, text: true } });
    const spans = planSpans(rng, revision.text, plan.saves * 2 + 5);
    const triggerRows = await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'Annotation_search_insert'`);
    const triggerSql = triggerRows[0]?.sql;
    if (!triggerSql) throw new Error("The search index's annotation trigger is missing.");
    const saveMs: number[] = [];
    const saveWithoutIndexMs: number[] = [];
    const unindexed: string[] = [];
    const ROUND = 20;
    for (let round = 0; round * ROUND < plan.saves * 2; round++) {
      const indexed = round % 2 === 1;
      if (!indexed) await db.$executeRawUnsafe(`DROP TRIGGER "Annotation_search_insert"`);
      for (const span of spans.slice(5 + round * ROUND, 5 + (round + 1) * ROUND)) {
        const started = performance.now();
        const made = await db.$transaction((tx) =>
          createAnnotation(tx, { actor, documentId, input: { revisionId: revision.id, start: span.start, end: span.end, exact: revision.text.slice(span.start, span.end), kind: "CLAIM", note: "Compare the delegate counts." } }),
        );
        (indexed ? saveMs : saveWithoutIndexMs).push(performance.now() - started);
        if (!indexed) unindexed.push(made.id);
      }
      if (!indexed) await db.$executeRawUnsafe(triggerSql);
    }
    await db.annotation.deleteMany({ where: { id: { in: unindexed } } });

    // Suggested links for claims across the corpus.
    const claims = await db.annotation.findMany({ where: { workspaceId: seeded.workspaceId, kind: "CLAIM" }, select: { id: true }, take: plan.suggestions * 20 });
    const suggestionsMs: number[] = [];
    for (let i = 0; i < plan.suggestions + 3 && claims.length > 0; i++) {
      const started = performance.now();
      await suggestLinks(db, { actor, annotationId: claims[(i * 17) % claims.length]!.id });
      if (i >= 3) suggestionsMs.push(performance.now() - started);
    }
    log(`annotation save p99 ${round(percentile(saveMs, 99))} ms; suggestions p95 ${round(percentile(suggestionsMs, 95))} ms`);

    // Recall on the seed corpus, in a database of its own.
    const recallUrl = prepareDatabaseFile(path.join(directory, "recall"), "recall.db");
    const recallDb = createDatabaseClient(recallUrl);
    let recall: SuggestionRecall;
    try {
      recall = await measureSuggestionRecall(recallDb);
    } finally {
      await recallDb.$disconnect();
    }
    log(`suggestion recall@5 on the seed corpus: ${recall.found}/${recall.crossDocumentLinks} cross-document demo links`);

    return {
      plan,
      corpus: { documents: seeded.documentIds.length, characters: seeded.characters, blocks: seeded.blocks, annotations: plan.annotations },
      indexBuildMs: seeded.indexBuildMs,
      textInsertMs: seeded.textInsertMs,
      annotationInsertMs: seeded.annotationInsertMs,
      databaseBytes: fs.statSync(databaseFile).size,
      bareMs,
      topMs,
      fullMs,
      saveMs,
      saveWithoutIndexMs,
      suggestionsMs,
      recall,
    };
  } finally {
    await db.$disconnect();
  }
}

export function searchMetrics(results: SearchBenchResults): Metric[] {
  const section = `search (${results.corpus.documents.toLocaleString("en")} docs, ${Math.round(results.corpus.characters / 1e6)} MB, ${results.corpus.annotations.toLocaleString("en")} annotations)`;
  const bareP50 = percentile(results.bareMs, 50);
  const bareP95 = percentile(results.bareMs, 95);
  const topP50 = percentile(results.topMs, 50);
  const topP95 = percentile(results.topMs, 95);
  return [
    { section, label: "index build: blocks of every text", value: results.indexBuildMs, unit: "ms", detail: `${results.corpus.blocks.toLocaleString("en")} blocks` },
    { section, label: "annotations inserted, indexed by trigger", value: results.annotationInsertMs, unit: "ms" },
    { section, label: "database size with the index", value: results.databaseBytes, unit: "bytes" },
    { section, label: "bare FTS5 MATCH … ORDER BY rank LIMIT 20 p50", value: bareP50, unit: "ms" },
    { section, label: "bare FTS5 MATCH … ORDER BY rank LIMIT 20 p95", value: bareP95, unit: "ms" },
    { section, label: "search top-20 with snippets p50", value: topP50, unit: "ms", detail: `${round(topP50 / bareP50, 2)}× bare` },
    { section, label: "search top-20 with snippets p95", value: topP95, unit: "ms", detail: `${round(topP95 / bareP95, 2)}× bare (goal ≤ ${SEARCH_TARGETS.ratioToBare}×)`, targetBelow: SEARCH_TARGETS.searchP95Ms },
    { section, label: "search page (with counts and facets) p50", value: percentile(results.fullMs, 50), unit: "ms" },
    { section, label: "search page (with counts and facets) p95", value: percentile(results.fullMs, 95), unit: "ms" },
    { section, label: "annotation save p50 with the index", value: percentile(results.saveMs, 50), unit: "ms", detail: `${round(percentile(results.saveMs, 50) / percentile(results.saveWithoutIndexMs, 50), 2)}× without (${round(percentile(results.saveWithoutIndexMs, 50))} ms)` },
    {
      section,
      label: "annotation save p99 with the index",
      value: percentile(results.saveMs, 99),
      unit: "ms",
      detail: `${round(percentile(results.saveMs, 99) / percentile(results.saveWithoutIndexMs, 99), 2)}× without (${round(percentile(results.saveWithoutIndexMs, 99))} ms)`,
      targetBelow: SEARCH_TARGETS.saveP99Ms,
    },
    { section, label: "suggested links p95", value: percentile(results.suggestionsMs, 95), unit: "ms", targetBelow: SEARCH_TARGETS.suggestionsP95Ms },
    {
      section,
      label: "suggestion recall@5 (seed corpus, demo links)",
      value: results.recall.found,
      unit: "count",
      detail: `${results.recall.found}/${results.recall.crossDocumentLinks} cross-document links = ${round(results.recall.recallAt5 * 100)}%; ${round(results.recall.recallAllLinks * 100)}% of all ${results.recall.crossDocumentLinks + results.recall.sameDocumentLinks}`,
    },
  ];
}

async function main() {
  const projectRoot = process.cwd();
  const directory = path.join(projectRoot, "data", "bench", "search");
  const log = (message: string) => console.log(`[bench:search] ${message}`);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = loadAverage();
  const results = await measureSearch({ directory, log });
  const metrics = evaluateMetrics(searchMetrics(results));
  console.log("");
  for (const line of machineLines(loadAtStart)) console.log(line);
  console.log("");
  console.log(formatTable(metrics));
  console.log("");
  const file = path.join(directory, "results.json");
  console.log(`took ${round((performance.now() - started) / 1000)} s · results in ${path.relative(projectRoot, file)}`);
  writeResults(file, { startedAt, targets: SEARCH_TARGETS, metrics, raw: { ...results, bareMs: undefined, topMs: undefined, fullMs: undefined, saveMs: undefined, saveWithoutIndexMs: undefined, suggestionsMs: undefined } });
}

// Run alone (`npx tsx tests/bench/measure-search.ts`) or from run-bench.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = 1;
  main()
    .then(() => {
      process.exitCode = 0;
    })
    .catch((error: unknown) => {
      console.error("[bench:search] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    });
}
