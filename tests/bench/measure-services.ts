import { createAnnotation } from "../../lib/annotations/create-annotation";
import { visibleTo } from "../../lib/annotations/annotation-view";
import { listDocumentAnnotations } from "../../lib/annotations/list-document-annotations";
import { listReadingAnnotations } from "../../lib/annotations/list-reading-annotations";
import type { Db } from "../../lib/db";
import { getDocument } from "../../lib/documents/get-document";
import { planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng } from "./prng";
import type { BenchCorpus } from "./seed-bench-database";
import { timed } from "./stats";

export interface ServiceTimings {
  createAnnotationMs: number[];
  listAnnotationsMs: number[];
  listAnnotationsJsonBytes: number;
  listAnnotationsCount: number;
  /** What the document page loads: the reading projection, in plain SQL. */
  readingAnnotationsMs: number[];
  readingAnnotationsJsonBytes: number;
  /** Diagnostics: the same rows without relations or mapping (Prisma findMany, no include). */
  annotationRowsOnlyMs: number[];
  getDocumentMs: number[];
  /** Diagnostics: the pieces createAnnotation is made of, timed alone. */
  loadRevisionTextMs: number[];
  insertAnnotationRowMs: number[];
}

const WARM_UP = 5;

/**
 * The server's work for the document page and for saving an annotation, timed in-process against
 * the bench database through the same service functions the route handlers call. Annotations made
 * here are deleted again, so the pages measured afterwards show exactly the seeded set.
 */
export async function measureServices(db: Db, corpus: BenchCorpus, { creates = 200, reads = 20, databaseFile }: { creates?: number; reads?: number; databaseFile: string }): Promise<ServiceTimings> {
  const actor = { id: corpus.userId };
  const { documentId } = corpus;
  const rng = createRng(0xbe_c4);
  const spans = planSpans(rng, corpus.text, WARM_UP + creates, 0.2);
  const createdIds: string[] = [];
  const createAnnotationMs: number[] = [];
  const loadRevisionTextMs: number[] = [];
  const insertAnnotationRowMs: number[] = [];
  try {
    for (const [i, span] of spans.entries()) {
      const input = { ...planAnnotationBody(rng, corpus.techniqueIds), revisionId: corpus.revisionId, start: span.start, end: span.end, exact: corpus.text.slice(span.start, span.end) };
      const { ms, result } = await timed(() => createAnnotation(db, { actor, documentId, input }));
      createdIds.push(result.id);
      if (i >= WARM_UP) createAnnotationMs.push(ms);
    }

    // The two queries that dominate a save, alone: reading the 1 MB revision, and one INSERT + commit.
    for (let i = 0; i < reads; i++) {
      loadRevisionTextMs.push(
        (await timed(() => db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId, number: 1 } }, select: { id: true, text: true } }))).ms,
      );
      const span = spans[i % spans.length] ?? { start: 0, end: 1 };
      const { ms, result } = await timed(() =>
        db.annotation.create({
          data: {
            workspaceId: corpus.workspaceId,
            documentId,
            authorId: corpus.userId,
            madeOnRevisionId: corpus.revisionId,
            anchorRevisionId: corpus.revisionId,
            start: span.start,
            end: span.end,
            exact: corpus.text.slice(span.start, span.end),
            kind: "CLAIM",
          },
          select: { id: true },
        }),
      );
      createdIds.push(result.id);
      insertAnnotationRowMs.push(ms);
    }
  } finally {
    await db.annotation.deleteMany({ where: { id: { in: createdIds } } });
  }

  await listDocumentAnnotations(db, { actor, documentId }); // warm-up
  const listAnnotationsMs: number[] = [];
  let listed: Awaited<ReturnType<typeof listDocumentAnnotations>> = [];
  for (let i = 0; i < reads; i++) {
    const { ms, result } = await timed(() => listDocumentAnnotations(db, { actor, documentId }));
    listAnnotationsMs.push(ms);
    listed = result;
  }

  await listReadingAnnotations(db, { actor, documentId, databaseFile }); // warm-up
  const readingAnnotationsMs: number[] = [];
  let reading: Awaited<ReturnType<typeof listReadingAnnotations>> = [];
  for (let i = 0; i < reads; i++) {
    const { ms, result } = await timed(() => listReadingAnnotations(db, { actor, documentId, databaseFile }));
    readingAnnotationsMs.push(ms);
    reading = result;
  }

  const annotationRowsOnlyMs: number[] = [];
  for (let i = 0; i < reads; i++) {
    annotationRowsOnlyMs.push((await timed(() => db.annotation.findMany({ where: { documentId, ...visibleTo(actor.id) }, orderBy: [{ start: "asc" }, { end: "desc" }] }))).ms);
  }

  await getDocument(db, { actor, documentId }); // warm-up
  const getDocumentMs: number[] = [];
  for (let i = 0; i < reads; i++) getDocumentMs.push((await timed(() => getDocument(db, { actor, documentId }))).ms);

  return {
    createAnnotationMs,
    listAnnotationsMs,
    listAnnotationsJsonBytes: Buffer.byteLength(JSON.stringify(listed), "utf8"),
    listAnnotationsCount: listed.length,
    readingAnnotationsMs,
    readingAnnotationsJsonBytes: Buffer.byteLength(JSON.stringify(reading), "utf8"),
    annotationRowsOnlyMs,
    getDocumentMs,
    loadRevisionTextMs,
    insertAnnotationRowMs,
  };
}
