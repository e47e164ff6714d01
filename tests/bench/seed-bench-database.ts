import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../prisma/migrate-database";
import { describeRange } from "../../lib/anchoring/describe-range";
import { hashPassword } from "../../lib/auth/password";
import { createDocument } from "../../lib/documents/create-document";
import { readPastedText } from "../../lib/documents/read-document-text";
import { splitTextBlocks } from "../../lib/documents/split-text-blocks";
import type { Db } from "../../lib/db";
import type { Prisma } from "../../lib/generated/prisma/client";
import { createWorkspace } from "../../lib/workspaces/create-workspace";
import { generateDocumentText, planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng, type Rng } from "./prng";

export const BENCH_ACCOUNT = { email: "bench@workbench.local", name: "Bench Historian", password: "bench-reading-room-1925" };

export interface BenchCorpus {
  userId: string;
  workspaceId: string;
  documentId: string;
  revisionId: string;
  text: string;
  blockCount: number;
  techniqueIds: string[];
  annotationCount: number;
  privateCount: number;
  overlappingCount: number;
}

/** Removes the bench folder and migrates a fresh SQLite file in it. */
export function prepareDatabaseFile(directory: string, fileName = "bench.db"): string {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const url = `file:${path.join(directory, fileName)}`;
  migrateDatabase(url);
  return url;
}

/** How many spans overlap the span before them in start order (a rough measure of nesting). */
function countOverlapping(spans: { start: number; end: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  let overlapping = 0;
  for (const span of sorted) {
    if (span.start < reach) overlapping += 1;
    reach = Math.max(reach, span.end);
  }
  return overlapping;
}

/** Annotation rows by one author on `spans` of a revision, with bodies planned from `rng`. */
function annotationRows(
  rng: Rng,
  spans: readonly { start: number; end: number }[],
  on: { workspaceId: string; documentId: string; authorId: string; revision: { id: string; text: string }; techniqueIds: readonly string[] },
): Prisma.AnnotationCreateManyInput[] {
  return spans.map(({ start, end }) => {
    const { quote } = describeRange(on.revision.text, start, end);
    return {
      workspaceId: on.workspaceId,
      documentId: on.documentId,
      authorId: on.authorId,
      madeOnRevisionId: on.revision.id,
      anchorRevisionId: on.revision.id,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      ...planAnnotationBody(rng, on.techniqueIds),
    };
  });
}

export interface FloorDocument {
  documentId: string;
  characters: number;
  annotationCount: number;
}

/**
 * A short document beside the long one, in the same workspace: the long text's opening blocks (up to
 * `targetChars`) with `annotationCount` annotations. The same page with little to show measures the
 * page's fixed cost (scripts, hydration, creating an editor), which no document goes below.
 */
export async function seedFloorDocument(db: Db, corpus: BenchCorpus, { targetChars, annotationCount, seed }: { targetChars: number; annotationCount: number; seed: number }): Promise<FloorDocument> {
  const rng = createRng(seed);
  const blocks = splitTextBlocks(corpus.text);
  let end = 0;
  for (const block of blocks) {
    if (block.end > targetChars && end > 0) break;
    end = block.end;
  }
  const document = await createDocument(db, {
    actor: { id: corpus.userId },
    workspaceId: corpus.workspaceId,
    metadata: { title: "Opening of the stenographic report (bench copy)", authors: [], dateText: "December 1925", place: "Moscow", sourceKind: "PRIMARY", genre: "official", language: "en" },
    content: readPastedText(corpus.text.slice(0, end)),
  });
  const revision = await db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId: document.id, number: 1 } }, select: { id: true, text: true } });
  const rows = annotationRows(rng, planSpans(rng, revision.text, annotationCount), {
    workspaceId: corpus.workspaceId,
    documentId: document.id,
    authorId: corpus.userId,
    revision,
    techniqueIds: corpus.techniqueIds,
  });
  await db.annotation.createMany({ data: rows });
  return { documentId: document.id, characters: revision.text.length, annotationCount: rows.length };
}

/**
 * The bench's data: one user owning one workspace (made by the app's services) with one ~1 MB
 * document and `annotationCount` annotations by that user, inserted in bulk.
 */
export async function seedBenchCorpus(db: Db, { targetChars, annotationCount, seed }: { targetChars: number; annotationCount: number; seed: number }): Promise<BenchCorpus> {
  const rng = createRng(seed);
  const user = await db.user.create({
    data: { email: BENCH_ACCOUNT.email, name: BENCH_ACCOUNT.name, passwordHash: await hashPassword(BENCH_ACCOUNT.password) },
    select: { id: true },
  });
  const actor = { id: user.id };
  const workspace = await createWorkspace(db, { actor, input: { name: "Bench workspace", description: "A 1 MB document with 5,000 annotations." } });
  const document = await createDocument(db, {
    actor,
    workspaceId: workspace.id,
    metadata: {
      title: "Stenographic report of the 14th Party Congress (bench copy)",
      authors: ["All-Union Communist Party (Bolsheviks)"],
      dateText: "December 1925",
      place: "Moscow",
      sourceKind: "PRIMARY",
      genre: "official",
      language: "en",
    },
    content: readPastedText(generateDocumentText(rng, targetChars)),
  });
  const revision = await db.documentRevision.findUniqueOrThrow({
    where: { documentId_number: { documentId: document.id, number: 1 } },
    select: { id: true, text: true },
  });
  const techniqueIds = (
    await db.tag.findMany({ where: { workspaceId: workspace.id, category: "TECHNIQUE", taxonomy: workspace.techniqueTaxonomy }, select: { id: true }, orderBy: { position: "asc" } })
  ).map((t) => t.id);

  const spans = planSpans(rng, revision.text, annotationCount);
  const rows = annotationRows(rng, spans, { workspaceId: workspace.id, documentId: document.id, authorId: user.id, revision, techniqueIds });
  // Chunks keep each INSERT well under SQLite's bound-parameter limit; one transaction, one sync.
  const CHUNK = 400;
  const chunks: Prisma.AnnotationCreateManyInput[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  await db.$transaction(chunks.map((data) => db.annotation.createMany({ data })));

  const stored = await db.annotation.count({ where: { documentId: document.id } });
  if (stored !== annotationCount) throw new Error(`Expected ${annotationCount} annotations in the bench database, found ${stored}.`);
  return {
    userId: user.id,
    workspaceId: workspace.id,
    documentId: document.id,
    revisionId: revision.id,
    text: revision.text,
    blockCount: splitTextBlocks(revision.text).length,
    techniqueIds,
    annotationCount: stored,
    privateCount: rows.filter((r) => r.visibility === "PRIVATE").length,
    overlappingCount: countOverlapping(spans),
  };
}
