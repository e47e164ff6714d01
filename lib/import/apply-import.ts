import { randomUUID } from "node:crypto";
import { anchorSelectors } from "../anchoring/anchor-selectors";
import { describeRange } from "../anchoring/describe-range";
import { QUOTE_CONTEXT_LENGTH } from "../anchoring/types";
import type { Db, DbClient } from "../db";
import { openSqlite, toStoredDate, type SqliteConnection } from "../sqlite-connection";
import { contentHash } from "../documents/create-document";
import { documentMetadataData } from "../documents/document-metadata-data";
import { AppError } from "../errors";
import { nextTurn } from "../next-turn";
import { customTagKey, DEFAULT_CUSTOM_TAG_COLOUR, MAX_TAG_DESCRIPTION_LENGTH, MAX_TAG_NAME_LENGTH } from "../tags/create-custom-tag";
import { MAX_ANNOTATION_LENGTH } from "../validations/annotation";
import { SYMMETRIC_LINK_TYPES } from "../vocabulary/link-type";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { indexDocumentTextSync } from "../search/index-document-text";
import type { DocumentTarget, ImportPlan, ImportReport, PlannedAnnotation, PlannedPerson } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

/** Placements between two turns of the event loop. */
const PLACE_BATCH = 200;
/**
 * A quote without a position has no place to start looking, so it is searched for across its
 * whole text; approximately, that costs tens of milliseconds per megabyte. Past this many such
 * searches in one import, only the exact words are looked for (and the report says so).
 */
const MAX_WHOLE_TEXT_FUZZY_SEARCHES = 200;

interface TargetText {
  /** Set for documents already in the workspace; new ones get theirs inside the transaction. */
  existing: { documentId: string; revisionId: string } | null;
  title: string;
  text: string;
}

interface Placement {
  status: "exact" | "moved" | "fuzzy" | "orphaned";
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
}

/**
 * Writes an import plan into a workspace. First, outside any transaction, every annotation is
 * placed on its text with the anchoring module (position and quote; where neither holds, a
 * windowed fuzzy match; below the minimum score the annotation is kept as an orphan and listed
 * in the report, never dropped and never moved onto other words), yielding to other requests as
 * it goes. Then one transaction writes the new documents, annotations, custom tags the workspace
 * lacks, replies and links; it first checks that no annotated document was revised meanwhile.
 * Any failure rolls all of it back. Everything is written as the importing user; where the file
 * credits someone else, that name is kept as the original author.
 */
export async function applyImportPlan(
  db: Db,
  { actor, workspaceId, plan, databaseFile }: { actor: { id: string }; workspaceId: string; plan: ImportPlan; databaseFile?: string },
): Promise<ImportReport> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const warnings = [...plan.warnings];
  const texts = await targetTexts(db, workspaceId, plan);
  const placements = await placeAll(plan.annotations, texts, warnings);
  const links = linkDrafts(plan, warnings);
  return writeInOneTransaction({ actorId: actor.id, workspaceId, plan, texts, placements, links, warnings }, databaseFile);
}

function targetKey(target: DocumentTarget): string {
  return target.kind === "new" ? `new:${target.ref}` : `existing:${target.documentId}`;
}

/** The text each annotation will be placed on: the plan's new documents, and existing ones' current text. */
async function targetTexts(db: DbClient, workspaceId: string, plan: ImportPlan): Promise<Map<string, TargetText>> {
  const texts = new Map<string, TargetText>();
  for (const document of plan.documents) texts.set(targetKey({ kind: "new", ref: document.ref }), { existing: null, title: document.metadata.title, text: document.text });
  const ids = [...new Set(plan.annotations.flatMap((a) => (a.document.kind === "existing" ? [a.document.documentId] : [])))];
  if (ids.length === 0) return texts;
  const documents = await db.document.findMany({ where: { id: { in: ids }, workspaceId }, select: { id: true, title: true, currentRevisionNumber: true } });
  if (documents.length !== ids.length) throw new AppError("NOT_FOUND", "A document the file is meant for is not in this workspace.");
  for (const document of documents) {
    const revision = await db.documentRevision.findUniqueOrThrow({
      where: { documentId_number: { documentId: document.id, number: document.currentRevisionNumber } },
      select: { id: true, text: true },
    });
    texts.set(targetKey({ kind: "existing", documentId: document.id }), { existing: { documentId: document.id, revisionId: revision.id }, title: document.title, text: revision.text });
  }
  return texts;
}

/** Placements were made on these revisions; if one was revised since, they may not hold. */
function assertUnchanged(sql: SqliteConnection, workspaceId: string, texts: Map<string, TargetText>) {
  const current = sql.prepare(
    `SELECT r.id FROM "Document" d JOIN "DocumentRevision" r ON r.documentId = d.id AND r.number = d.currentRevisionNumber WHERE d.id = ? AND d.workspaceId = ?`,
  );
  for (const { existing, title } of texts.values()) {
    if (existing && current.pluck().get(existing.documentId, workspaceId) !== existing.revisionId) {
      throw new AppError("CONFLICT", `“${title}” was revised or deleted while the file was being imported. Nothing was imported; please import it again.`);
    }
  }
}

async function placeAll(annotations: readonly PlannedAnnotation[], texts: Map<string, TargetText>, warnings: string[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  const budget = { wholeTextSearches: MAX_WHOLE_TEXT_FUZZY_SEARCHES, exhausted: 0 };
  for (const [index, annotation] of annotations.entries()) {
    placements.push(place(texts.get(targetKey(annotation.document))!.text, annotation, budget));
    if (index % PLACE_BATCH === PLACE_BATCH - 1) await nextTurn();
  }
  if (budget.exhausted > 0) {
    warnings.push(`${budget.exhausted} annotations gave only a quote; past the first ${MAX_WHOLE_TEXT_FUZZY_SEARCHES}, they were matched on their exact words only.`);
  }
  return placements;
}

/** Where an annotation goes on its text: the anchoring module decides, from what the file gives. */
function place(text: string, annotation: PlannedAnnotation, budget: { wholeTextSearches: number; exhausted: number }): Placement {
  const { position } = annotation;
  const fits = position !== null && position.start < position.end && position.end <= text.length;
  const given = annotation.quote ?? (fits ? describeRange(text, position.start, position.end).quote : null);
  if (!given) throw new ImportRejected("An annotation has neither a quote nor a position inside its text.", [{ where: annotation.where, message: "No usable selector." }]);
  if (given.exact.length > MAX_ANNOTATION_LENGTH) {
    throw new ImportRejected("An annotation is too long.", [{ where: annotation.where, message: `It spans more than ${MAX_ANNOTATION_LENGTH.toLocaleString("en")} characters.` }]);
  }
  // Context as the workbench keeps it: 32 characters either side.
  const quote = { exact: given.exact, prefix: given.prefix.slice(-QUOTE_CONTEXT_LENGTH), suffix: given.suffix.slice(0, QUOTE_CONTEXT_LENGTH) };

  let result;
  if (position) {
    result = anchorSelectors(text, { position, quote });
  } else if (budget.wholeTextSearches > 0) {
    budget.wholeTextSearches -= 1;
    result = anchorSelectors(text, { position: { start: -1, end: -1 }, quote }, { hint: 0, window: text.length });
  } else {
    budget.exhausted += 1;
    result = text.includes(quote.exact) ? anchorSelectors(text, { position: { start: -1, end: -1 }, quote }, { hint: 0, window: text.length, minScore: 1 }) : ({ status: "orphaned", score: 0 } as const);
  }
  if (result.status === "orphaned") {
    // Kept with the offsets the file gave, inside this text so they never point past its end.
    const start = Math.min(position?.start ?? 0, text.length);
    return { status: "orphaned", start, end: Math.max(start, Math.min(position?.end ?? 0, text.length)), quote };
  }
  return { status: result.status, start: result.start, end: result.end, quote: describeRange(text, result.start, result.end).quote };
}

interface LinkDraft {
  sourceRef: string;
  targetRef: string;
  link: ImportPlan["links"][number];
}

/** The plan's links, checked: both ends in the file, no self-links, no duplicates (either way round for symmetric types). */
function linkDrafts(plan: ImportPlan, warnings: string[]): LinkDraft[] {
  const refs = new Set(plan.annotations.map((annotation) => annotation.ref));
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const drafts: LinkDraft[] = [];
  for (const link of plan.links) {
    if (!refs.has(link.sourceRef) || !refs.has(link.targetRef)) {
      problems.push({ where: link.where, message: "It links an annotation that is not in the file." });
      continue;
    }
    if (link.sourceRef === link.targetRef) {
      problems.push({ where: link.where, message: "It links an annotation to itself." });
      continue;
    }
    const key = (a: string, b: string) => `${a}\u0000${b}\u0000${link.type}`;
    if (seen.has(key(link.sourceRef, link.targetRef)) || (SYMMETRIC_LINK_TYPES.has(link.type) && seen.has(key(link.targetRef, link.sourceRef)))) {
      warnings.push(`${link.where}: the same link appears twice; it was imported once.`);
      continue;
    }
    seen.add(key(link.sourceRef, link.targetRef));
    drafts.push({ sourceRef: link.sourceRef, targetRef: link.targetRef, link });
  }
  if (problems.length > 0) throw new ImportRejected("Some links do not connect two annotations of the file; nothing was imported.", problems.slice(0, 20));
  return drafts;
}

interface WriteInput {
  actorId: string;
  workspaceId: string;
  plan: ImportPlan;
  texts: Map<string, TargetText>;
  placements: readonly Placement[];
  links: readonly LinkDraft[];
  warnings: string[];
}

/**
 * The writes, in one SQLite transaction on a connection of their own. Plain SQL rather than
 * Prisma, as in the export reader: the client's per-row work made a 100,000-annotation import
 * hold the server for most of a minute; this takes a few seconds. The role is checked again
 * inside, so a role removed meanwhile stops the import; any error rolls everything back.
 */
function writeInOneTransaction(input: WriteInput, databaseFile: string | undefined): ImportReport {
  const sql = openSqlite({ readonly: false, file: databaseFile });
  try {
    return sql.transaction(() => {
      const role = sql.prepare(`SELECT role FROM "Membership" WHERE userId = ? AND workspaceId = ?`).pluck().get(input.actorId, input.workspaceId);
      if (role !== "OWNER" && role !== "EDITOR") throw new AppError("FORBIDDEN", "Only editors and owners may import into this workspace.");
      assertUnchanged(sql, input.workspaceId, input.texts);
      return writePlan(sql, input);
    }).immediate();
  } catch (error) {
    if (error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED")) {
      throw new AppError("CONFLICT", "The database was busy with other changes; nothing was imported. Please try again.");
    }
    throw error;
  } finally {
    sql.close();
  }
}

function writePlan(sql: SqliteConnection, { actorId, workspaceId, plan, texts, placements, links, warnings }: WriteInput): ImportReport {
  const now = toStoredDate(new Date());
  const documentsCreated: ImportReport["documentsCreated"] = [];
  const placedOn = new Map<string, { documentId: string; revisionId: string; title: string }>();
  for (const [key, target] of texts) if (target.existing) placedOn.set(key, { ...target.existing, title: target.title });

  const insertDocument = sql.prepare(
    `INSERT INTO "Document" (id, workspaceId, title, authors, dateText, dateSortKey, dateEndKey, place, sourceKind, genre, language, provenance, notes,
       containerTitle, publisher, publisherPlace, edition, volume, issue, pages, url, archiveLocation,
       reliabilityRating, reliabilityReason, reliabilityRatedById, reliabilityRatedAt, currentRevisionNumber, createdById, createdAt, updatedAt)
     VALUES (@id, @workspaceId, @title, @authors, @dateText, @dateSortKey, @dateEndKey, @place, @sourceKind, @genre, @language, @provenance, @notes,
       @containerTitle, @publisher, @publisherPlace, @edition, @volume, @issue, @pages, @url, @archiveLocation,
       @reliabilityRating, @reliabilityReason, @reliabilityRatedById, @reliabilityRatedAt, @currentRevisionNumber, @createdById, @createdAt, @updatedAt)`,
  );
  const insertRevision = sql.prepare(
    `INSERT INTO "DocumentRevision" (id, documentId, number, text, contentHash, mediaType, note, createdById, createdAt)
     VALUES (@id, @documentId, @number, @text, @contentHash, 'text/plain', @note, @createdById, @createdAt)`,
  );
  for (const document of plan.documents) {
    const metadata = documentMetadataData(document.metadata);
    const id = randomUUID();
    const revisionId = randomUUID();
    insertDocument.run({
      ...metadata,
      id,
      workspaceId,
      authors: JSON.stringify(metadata.authors),
      reliabilityRating: document.reliability?.rating ?? null,
      reliabilityReason: document.reliability?.reason ?? null,
      reliabilityRatedById: document.reliability ? actorId : null,
      reliabilityRatedAt: document.reliability ? now : null,
      currentRevisionNumber: document.revisionNumber,
      createdById: actorId,
      createdAt: now,
      updatedAt: now,
    });
    insertRevision.run({
      id: revisionId,
      documentId: id,
      number: document.revisionNumber,
      text: document.text,
      contentHash: contentHash(document.text),
      note: document.revisionNumber > 1 ? `Imported (revision ${document.revisionNumber} of the original; earlier revisions stay there)` : "Imported",
      createdById: actorId,
      createdAt: now,
    });
    indexDocumentTextSync(sql, { workspaceId, documentId: id, revisionId, text: document.text });
    placedOn.set(targetKey({ kind: "new", ref: document.ref }), { documentId: id, revisionId, title: metadata.title });
    documentsCreated.push({ id, title: metadata.title });
  }

  const tags = resolveTags(sql, workspaceId, plan, warnings, now);
  const anchoring = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const orphans: ImportReport["orphans"] = [];
  const idByRef = new Map<string, string>();
  const insertAnnotation = sql.prepare(
    `INSERT INTO "Annotation" (id, workspaceId, documentId, authorId, originalAuthorName, madeOnRevisionId, anchorRevisionId, anchorStatus, start, "end",
       exact, prefix, suffix, kind, techniqueId, verdict, confidence, note, visibility, createdAt, updatedAt)
     VALUES (@id, @workspaceId, @documentId, @authorId, @originalAuthorName, @revisionId, @revisionId, @anchorStatus, @start, @end,
       @exact, @prefix, @suffix, @kind, @techniqueId, @verdict, @confidence, @note, @visibility, @createdAt, @updatedAt)`,
  );
  const insertTag = sql.prepare(`INSERT INTO "AnnotationTag" (annotationId, tagId) VALUES (?, ?)`);
  const insertReply = sql.prepare(
    `INSERT INTO "AnnotationReply" (id, annotationId, authorId, originalAuthorName, body, createdAt, updatedAt) VALUES (@id, @annotationId, @authorId, @originalAuthorName, @body, @createdAt, @createdAt)`,
  );
  let replies = 0;

  for (const [index, annotation] of plan.annotations.entries()) {
    const target = placedOn.get(targetKey(annotation.document))!;
    const placement = placements[index]!;
    anchoring[placement.status] += 1;
    const id = randomUUID();
    idByRef.set(annotation.ref, id);
    if (placement.status === "orphaned") orphans.push({ documentId: target.documentId, documentTitle: target.title, exact: placement.quote.exact, where: annotation.where });
    const technique = annotation.technique ? tags.technique(annotation.technique) : null;
    insertAnnotation.run({
      id,
      workspaceId,
      documentId: target.documentId,
      authorId: actorId,
      originalAuthorName: credit(annotation.author, annotation.creditedTo, actorId),
      revisionId: target.revisionId,
      anchorStatus: placement.status === "orphaned" ? "ORPHANED" : "ANCHORED",
      start: placement.start,
      end: placement.end,
      ...placement.quote,
      kind: annotation.kind,
      techniqueId: technique,
      verdict: annotation.kind === "CLAIM" ? annotation.verdict : null,
      confidence: annotation.kind === "CLAIM" ? annotation.confidence : null,
      note: annotation.technique && !technique ? appendLine(annotation.note, `Technique (as imported): ${annotation.technique.name}`) : annotation.note,
      visibility: annotation.visibility,
      createdAt: toStoredDate(annotation.createdAt),
      updatedAt: toStoredDate(annotation.updatedAt),
    });
    for (const tagId of new Set(annotation.tags.map((tag) => tags.tag(tag)).filter((tagId): tagId is string => tagId !== null))) insertTag.run(id, tagId);
    for (const reply of annotation.replies) {
      insertReply.run({ id: randomUUID(), annotationId: id, authorId: actorId, originalAuthorName: credit(reply.author, reply.creditedTo, actorId), body: reply.body, createdAt: toStoredDate(reply.createdAt) });
      replies += 1;
    }
  }

  const insertLink = sql.prepare(
    `INSERT INTO "AnnotationLink" (id, workspaceId, sourceAnnotationId, targetAnnotationId, type, note, authorId, originalAuthorName, verdict, verdictRationale, verdictById, verdictAt, createdAt, updatedAt)
     VALUES (@id, @workspaceId, @sourceAnnotationId, @targetAnnotationId, @type, @note, @authorId, @originalAuthorName, @verdict, @verdictRationale, @verdictById, @verdictAt, @createdAt, @createdAt)`,
  );
  for (const { sourceRef, targetRef, link } of links) {
    // A contradiction always has a verdict (unresolved until decided), as createLink makes it.
    const verdict = link.type === "CONTRADICTS" ? (link.verdict ?? "UNRESOLVED") : null;
    const decided = verdict !== null && verdict !== "UNRESOLVED";
    insertLink.run({
      id: randomUUID(),
      workspaceId,
      sourceAnnotationId: idByRef.get(sourceRef)!,
      targetAnnotationId: idByRef.get(targetRef)!,
      type: link.type,
      note: link.note,
      authorId: actorId,
      originalAuthorName: credit(link.author, link.creditedTo, actorId),
      verdict,
      verdictRationale: link.verdictRationale,
      // Who decided is kept only when it was the importer; the verdict itself always travels.
      verdictById: decided && link.verdictBy?.id === actorId ? actorId : null,
      verdictAt: decided ? now : null,
      createdAt: toStoredDate(link.createdAt),
    });
  }

  return { documentsCreated, annotations: plan.annotations.length, anchoring, orphans, replies, links: links.length, tagsCreated: tags.created, warnings };
}

/**
 * The original author's name to keep: what the file already credits (an item imported before),
 * else the file's author unless that is the importer themself.
 */
function credit(person: PlannedPerson, creditedTo: string | null, actorId: string): string | null {
  const name = (creditedTo ?? (person.id === actorId ? null : person.name))?.trim();
  return name ? name.slice(0, 200) : null;
}

function appendLine(note: string, line: string): string {
  return note.trim() === "" ? line : `${note}\n\n${line}`;
}

interface TagResolver {
  technique(ref: { key: string | null; name: string }): string | null;
  tag(ref: { key: string | null; name: string }): string | null;
  created: string[];
}

/**
 * Matches the file's techniques and tags to the workspace's, by key and then by name (ignoring
 * case). Techniques come only from the workspace's taxonomies; a tag the workspace lacks becomes
 * a new custom tag, named and keyed as createCustomTag would, with the bundle's colour and
 * description when it gives them.
 */
function resolveTags(sql: SqliteConnection, workspaceId: string, plan: ImportPlan, warnings: string[], now: string): TagResolver {
  const existing = sql.prepare(`SELECT id, key, name, category FROM "Tag" WHERE workspaceId = ?`).all(workspaceId) as { id: string; key: string; name: string; category: string }[];
  const insert = sql.prepare(`INSERT INTO "Tag" (id, workspaceId, category, key, name, description, colour, position, createdAt) VALUES (@id, @workspaceId, 'CUSTOM', @key, @name, @description, @colour, @position, @createdAt)`);
  const byKey = new Map(existing.map((tag) => [tag.key, tag]));
  const byName = new Map(existing.map((tag) => [`${tag.category}:${tag.name.toLowerCase()}`, tag]));
  const refKey = (ref: { key: string | null; name: string }) => ref.key ?? `name:${ref.name.toLowerCase()}`;
  const wanted = new Map<string, { key: string | null; name: string }>();
  for (const annotation of plan.annotations) for (const tag of annotation.tags) wanted.set(refKey(tag), tag);

  const tagIds = new Map<string, string | null>();
  const created: string[] = [];
  let position = existing.filter((tag) => tag.category === "CUSTOM").length;
  for (const [wantedKey, ref] of wanted) {
    const name = ref.name.trim().slice(0, MAX_TAG_NAME_LENGTH) || "Imported tag";
    const key = customTagKey(name);
    const found = (ref.key ? byKey.get(ref.key) : undefined) ?? byName.get(`CUSTOM:${name.toLowerCase()}`) ?? byKey.get(key);
    if (found) {
      tagIds.set(wantedKey, found.id);
      continue;
    }
    const definition = ref.key ? plan.tagDefinitions.get(ref.key) : undefined;
    if (definition && definition.category !== "CUSTOM") {
      warnings.push(`The tag “${ref.name}” belongs to a taxonomy this workspace does not have; it was left off.`);
      tagIds.set(wantedKey, null);
      continue;
    }
    const tag = { id: randomUUID(), key, name, category: "CUSTOM" };
    insert.run({
      id: tag.id,
      workspaceId,
      key,
      name,
      description: (definition?.description ?? "").slice(0, MAX_TAG_DESCRIPTION_LENGTH),
      colour: definition?.colour ?? DEFAULT_CUSTOM_TAG_COLOUR,
      position: position++,
      createdAt: now,
    });
    byKey.set(key, tag);
    byName.set(`CUSTOM:${name.toLowerCase()}`, tag);
    tagIds.set(wantedKey, tag.id);
    created.push(name);
  }

  const techniqueIds = new Map<string, string | null>();
  return {
    technique: (ref) => {
      const cacheKey = `${ref.key ?? ""}|${ref.name.toLowerCase()}`;
      if (!techniqueIds.has(cacheKey)) {
        const found = (ref.key ? byKey.get(ref.key) : undefined) ?? byName.get(`TECHNIQUE:${ref.name.toLowerCase()}`);
        const id = found && found.category === "TECHNIQUE" ? found.id : null;
        if (!id) warnings.push(`The technique “${ref.name}” is not in this workspace's taxonomy; it was kept in the annotations' notes.`);
        techniqueIds.set(cacheKey, id);
      }
      return techniqueIds.get(cacheKey) ?? null;
    },
    tag: (ref) => tagIds.get(refKey(ref)) ?? null,
    created,
  };
}
