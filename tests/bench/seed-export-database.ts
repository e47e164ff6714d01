import Database from "better-sqlite3";
import { describeRange } from "../../lib/anchoring/describe-range";
import type { Db } from "../../lib/db";
import { createDocument } from "../../lib/documents/create-document";
import { readPastedText } from "../../lib/documents/read-document-text";
import { toStoredDate } from "../../lib/sqlite-connection";
import { CONTRADICTION_VERDICTS } from "../../lib/vocabulary/contradiction-verdict";
import { LINK_TYPES } from "../../lib/vocabulary/link-type";
import { createWorkspace } from "../../lib/workspaces/create-workspace";
import { generateDocumentText, planAnnotationBody, planSpans } from "./generate-corpus";
import { createRng, type Rng } from "./prng";

/**
 * The export bench's data: one workspace with a few ~100 KB documents and a six-figure number of
 * annotations, with what real sets carry besides the quote — techniques, custom tags, notes,
 * replies by a second member, and links across documents. The user, workspace (with its
 * taxonomy) and documents are made by the app's services; the annotations and what hangs off
 * them are written with raw prepared statements in one transaction, because Prisma's createMany
 * needs minutes for 100,000 rows and the bench measures the export, not the seeding.
 */

export interface ExportCorpus {
  /** The SQLite file, as openExportReader takes it. */
  databaseFile: string;
  userId: string;
  workspaceId: string;
  documentIds: string[];
  characters: number;
  annotationCount: number;
  privateCount: number;
  taggedCount: number;
  replyCount: number;
  linkCount: number;
}

export interface ExportCorpusPlan {
  documents: number;
  charsPerDocument: number;
  annotationCount: number;
  linkCount: number;
  /** Share of annotations with a reply (a few of them with two). */
  replyShare: number;
  seed: number;
}

const CUSTOM_TAGS = [
  { key: "custom:grain-figures", name: "Grain figures", colour: "#8c6d1f" },
  { key: "custom:famine", name: "Famine", colour: "#7a2f2f" },
  { key: "custom:needs-archive-check", name: "Needs archive check", colour: "#3d5a80" },
  { key: "custom:translation", name: "Translation question", colour: "#5f7a4e" },
  { key: "custom:opposition", name: "Opposition", colour: "#6b4f8a" },
  { key: "custom:statistics", name: "Statistics", colour: "#2f6f6f" },
];

const REPLIES = [
  "Agreed; the regional press gives a different figure.",
  "I checked the archive copy: the wording is the same.",
  "Is this not the same claim as in the January report?",
  "The translation here is ours, the original is stronger.",
  "Marked for discussion at the next seminar.",
];


const DOCUMENT_KINDS = [
  { title: "Stenographic report of the 14th Party Congress", authors: ["All-Union Communist Party (Bolsheviks)"], genre: "official", sourceKind: "PRIMARY" },
  { title: "Pravda editorials on the grain procurements", authors: ["Pravda"], genre: "press", sourceKind: "PRIMARY" },
  { title: "Memoirs of a regional delegate", authors: ["Ivanov, Pyotr"], genre: "memoir", sourceKind: "PRIMARY" },
  { title: "The congress in the émigré press", authors: ["Sotsialisticheskii vestnik"], genre: "press", sourceKind: "SECONDARY" },
  { title: "A history of the industrialisation debate", authors: ["Carr, Edward Hallett", "Davies, R. W."], genre: "scholarly", sourceKind: "SECONDARY" },
] as const;

/** Ids only need to be unique; readable ones make a failing query easier to follow. */
function benchId(prefix: string, n: number): string {
  return `bench-${prefix}-${n.toString(36).padStart(5, "0")}`;
}

export async function seedExportCorpus(db: Db, databaseFile: string, plan: ExportCorpusPlan): Promise<ExportCorpus> {
  const rng = createRng(plan.seed);
  // Nobody signs in to this database: an unusable hash saves argon2's time.
  const user = await db.user.create({ data: { email: "export-bench@workbench.local", name: "Export Bench Historian", passwordHash: "!" }, select: { id: true } });
  const reader = await db.user.create({ data: { email: "second-reader@workbench.local", name: "Second Reader", passwordHash: "!" }, select: { id: true } });
  const actor = { id: user.id };
  const workspace = await createWorkspace(db, { actor, input: { name: "Export bench workspace", description: "A six-figure annotation set for timing exports." } });
  await db.membership.create({ data: { userId: reader.id, workspaceId: workspace.id, role: "EDITOR" } });

  const documents: { id: string; revisionId: string; text: string }[] = [];
  for (let i = 0; i < plan.documents; i++) {
    const kind = DOCUMENT_KINDS[i % DOCUMENT_KINDS.length]!;
    const created = await createDocument(db, {
      actor,
      workspaceId: workspace.id,
      metadata: {
        title: `${kind.title}, part ${i + 1}`,
        authors: kind.authors,
        dateText: `${1925 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}`,
        place: rng.pick(["Moscow", "Leningrad", "Kharkov", "Paris", "Berlin"]),
        sourceKind: kind.sourceKind,
        genre: kind.genre,
        language: "en",
      },
      content: readPastedText(generateDocumentText(rng, plan.charsPerDocument)),
    });
    const revision = await db.documentRevision.findUniqueOrThrow({ where: { documentId_number: { documentId: created.id, number: 1 } }, select: { id: true, text: true } });
    documents.push({ id: created.id, revisionId: revision.id, text: revision.text });
  }
  const techniqueIds = (
    await db.tag.findMany({ where: { workspaceId: workspace.id, category: "TECHNIQUE", taxonomy: workspace.techniqueTaxonomy }, select: { id: true }, orderBy: { position: "asc" } })
  ).map((t) => t.id);

  const connection = new Database(databaseFile, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 5000");
    // Every reference is checked, so a mistake here fails the seed instead of skewing the export.
    connection.pragma("foreign_keys = ON");
    const counts = connection.transaction(() => insertAnnotationSet(connection, rng, plan, { userId: user.id, readerId: reader.id, workspaceId: workspace.id, documents, techniqueIds }))();
    return {
      databaseFile,
      userId: user.id,
      workspaceId: workspace.id,
      documentIds: documents.map((d) => d.id),
      characters: documents.reduce((sum, d) => sum + d.text.length, 0),
      ...counts,
    };
  } finally {
    connection.close();
  }
}

interface SeedContext {
  userId: string;
  readerId: string;
  workspaceId: string;
  documents: { id: string; revisionId: string; text: string }[];
  techniqueIds: string[];
}

function insertAnnotationSet(connection: Database.Database, rng: Rng, plan: ExportCorpusPlan, context: SeedContext) {
  const { userId, readerId, workspaceId, documents, techniqueIds } = context;
  const insertTag = connection.prepare(
    `INSERT INTO "Tag" (id, workspaceId, category, key, name, description, colour, position, createdAt) VALUES (?, ?, 'CUSTOM', ?, ?, '', ?, ?, ?)`,
  );
  const insertAnnotation = connection.prepare(
    `INSERT INTO "Annotation" (id, workspaceId, documentId, authorId, madeOnRevisionId, anchorRevisionId, anchorStatus, start, "end", exact, prefix, suffix,
                               kind, techniqueId, verdict, confidence, note, visibility, createdAt, updatedAt)
     VALUES (@id, @workspaceId, @documentId, @authorId, @revisionId, @revisionId, 'ANCHORED', @start, @end, @exact, @prefix, @suffix,
             @kind, @techniqueId, @verdict, @confidence, @note, @visibility, @createdAt, @updatedAt)`,
  );
  const insertAnnotationTag = connection.prepare(`INSERT INTO "AnnotationTag" (annotationId, tagId) VALUES (?, ?)`);
  const insertReply = connection.prepare(`INSERT INTO "AnnotationReply" (id, annotationId, authorId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
  const insertLink = connection.prepare(
    `INSERT INTO "AnnotationLink" (id, workspaceId, sourceAnnotationId, targetAnnotationId, type, note, authorId, verdict, verdictRationale, verdictById, verdictAt, createdAt, updatedAt)
     VALUES (@id, @workspaceId, @source, @target, @type, @note, @authorId, @verdict, @rationale, @verdictById, @verdictAt, @createdAt, @updatedAt)`,
  );

  // Made over most of a year, a few minutes apart, so date filters and sorting see a spread.
  const firstDay = Date.UTC(2026, 0, 5, 8);
  const tagIds = CUSTOM_TAGS.map((tag, position) => {
    const id = benchId("tag", position);
    insertTag.run(id, workspaceId, tag.key, tag.name, tag.colour, position, toStoredDate(firstDay));
    return id;
  });

  const annotationIds: string[] = [];
  let privateCount = 0;
  let taggedCount = 0;
  let replyCount = 0;
  const perDocument = Math.ceil(plan.annotationCount / documents.length);
  for (const [d, document] of documents.entries()) {
    const count = Math.min(perDocument, plan.annotationCount - annotationIds.length);
    for (const { start, end } of planSpans(rng, document.text, count)) {
      const id = benchId("a", annotationIds.length);
      const created = firstDay + annotationIds.length * 180_000 + rng.int(0, 60_000) + d;
      const { quote } = describeRange(document.text, start, end);
      const body = planAnnotationBody(rng, techniqueIds);
      insertAnnotation.run({
        id,
        workspaceId,
        documentId: document.id,
        authorId: userId,
        revisionId: document.revisionId,
        start,
        end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        ...body,
        createdAt: toStoredDate(created),
        updatedAt: toStoredDate(rng.chance(0.1) ? created + rng.int(1, 30) * 86_400_000 : created),
      });
      annotationIds.push(id);
      if (body.visibility === "PRIVATE") privateCount += 1;
      // About one in six carries a custom tag, a few of those two.
      if (rng.chance(0.16)) {
        taggedCount += 1;
        const first = rng.int(0, tagIds.length - 1);
        insertAnnotationTag.run(id, tagIds[first]);
        if (rng.chance(0.25)) insertAnnotationTag.run(id, tagIds[(first + rng.int(1, tagIds.length - 1)) % tagIds.length]);
      }
      if (rng.chance(plan.replyShare)) {
        const replies = rng.chance(0.2) ? 2 : 1;
        for (let r = 0; r < replies; r++) {
          const at = toStoredDate(created + (r + 1) * 3_600_000);
          insertReply.run(benchId("r", replyCount), id, r === 0 ? readerId : userId, rng.pick(REPLIES), at, at);
          replyCount += 1;
        }
      }
    }
  }

  // Links between random annotations, so many of them cross documents; each (source, target, type) once.
  const seen = new Set<string>();
  while (seen.size < plan.linkCount) {
    const source = rng.pick(annotationIds);
    const target = rng.pick(annotationIds);
    const type = rng.pick(LINK_TYPES);
    const key = `${source} ${target} ${type}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    const created = toStoredDate(firstDay + 300 * 86_400_000 + seen.size * 60_000);
    const decided = type === "CONTRADICTS" && rng.chance(0.5);
    insertLink.run({
      id: benchId("l", seen.size),
      workspaceId,
      source,
      target,
      type,
      note: rng.chance(0.3) ? "The two accounts cannot both be right about the date." : "",
      authorId: rng.chance(0.8) ? userId : readerId,
      verdict: decided ? rng.pick(CONTRADICTION_VERDICTS) : null,
      rationale: decided ? "The stenographic report was corrected by the speakers before printing." : "",
      verdictById: decided ? userId : null,
      verdictAt: decided ? created : null,
      createdAt: created,
      updatedAt: created,
    });
  }

  return { annotationCount: annotationIds.length, privateCount, taggedCount, replyCount, linkCount: seen.size };
}
