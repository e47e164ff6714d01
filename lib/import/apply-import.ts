import { randomUUID } from "node:crypto";
import { anchorSelectors } from "../anchoring/anchor-selectors";
import { describeRange } from "../anchoring/describe-range";
import { QUOTE_CONTEXT_LENGTH } from "../anchoring/types";
import type { Db, DbClient } from "../db";
import { contentHash } from "../documents/create-document";
import { documentMetadataData } from "../documents/document-metadata-data";
import { AppError } from "../errors";
import { customTagKey, DEFAULT_CUSTOM_TAG_COLOUR, MAX_TAG_DESCRIPTION_LENGTH, MAX_TAG_NAME_LENGTH } from "../tags/create-custom-tag";
import { MAX_ANNOTATION_LENGTH } from "../validations/annotation";
import { SYMMETRIC_LINK_TYPES } from "../validations/link";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import type { DocumentTarget, ImportPlan, ImportReport, PlannedAnnotation, PlannedPerson } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

/** Rows per createMany: well inside SQLite's limit on bound variables. */
const WRITE_CHUNK = 500;
/** Placements between two turns of the event loop. */
const PLACE_BATCH = 200;
/**
 * A quote without a position has no place to start looking, so it is searched for across its
 * whole text; approximately, that costs tens of milliseconds per megabyte. Past this many such
 * searches in one import, only the exact words are looked for (and the report says so).
 */
const MAX_WHOLE_TEXT_FUZZY_SEARCHES = 200;
/** The writes of a large import take a while; they still commit or roll back as one. */
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;

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
export async function applyImportPlan(db: Db, { actor, workspaceId, plan }: { actor: { id: string }; workspaceId: string; plan: ImportPlan }): Promise<ImportReport> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const warnings = [...plan.warnings];
  const texts = await targetTexts(db, workspaceId, plan);
  const placements = await placeAll(plan.annotations, texts, warnings);
  const links = linkDrafts(plan, warnings);
  return db.$transaction(
    async (tx) => {
      // Again inside the transaction: a role removed meanwhile stops the import.
      await requireWorkspaceRole(tx, { userId: actor.id, workspaceId, minimum: "EDITOR" });
      await assertUnchanged(tx, workspaceId, texts);
      return writePlan(tx, { actorId: actor.id, workspaceId, plan, texts, placements, links, warnings });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
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
async function assertUnchanged(tx: DbClient, workspaceId: string, texts: Map<string, TargetText>) {
  for (const { existing, title } of texts.values()) {
    if (!existing) continue;
    const document = await tx.document.findFirst({ where: { id: existing.documentId, workspaceId }, select: { currentRevisionNumber: true, revisions: { where: { id: existing.revisionId }, select: { number: true } } } });
    if (!document || document.revisions[0]?.number !== document.currentRevisionNumber) {
      throw new AppError("CONFLICT", `“${title}” was revised or deleted while the file was being imported. Nothing was imported; please import it again.`);
    }
  }
}

async function placeAll(annotations: readonly PlannedAnnotation[], texts: Map<string, TargetText>, warnings: string[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  const budget = { wholeTextSearches: MAX_WHOLE_TEXT_FUZZY_SEARCHES, exhausted: 0 };
  for (const [index, annotation] of annotations.entries()) {
    placements.push(place(texts.get(targetKey(annotation.document))!.text, annotation, budget));
    if (index % PLACE_BATCH === PLACE_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
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

async function writePlan(tx: DbClient, { actorId, workspaceId, plan, texts, placements, links, warnings }: WriteInput): Promise<ImportReport> {
  const now = new Date();
  const documentsCreated: ImportReport["documentsCreated"] = [];
  const placedOn = new Map<string, { documentId: string; revisionId: string; title: string }>();
  for (const [key, target] of texts) if (target.existing) placedOn.set(key, { ...target.existing, title: target.title });

  for (const document of plan.documents) {
    const created = await tx.document.create({
      data: {
        ...documentMetadataData(document.metadata),
        workspaceId,
        createdById: actorId,
        currentRevisionNumber: document.revisionNumber,
        ...(document.reliability && {
          reliabilityRating: document.reliability.rating,
          reliabilityReason: document.reliability.reason,
          reliabilityRatedById: actorId,
          reliabilityRatedAt: now,
        }),
        revisions: {
          create: {
            number: document.revisionNumber,
            text: document.text,
            mediaType: "text/plain",
            contentHash: contentHash(document.text),
            createdById: actorId,
            note: document.revisionNumber > 1 ? `Imported (revision ${document.revisionNumber} of the original; earlier revisions stay there)` : "Imported",
          },
        },
      },
      select: { id: true, title: true, revisions: { select: { id: true } } },
    });
    placedOn.set(targetKey({ kind: "new", ref: document.ref }), { documentId: created.id, revisionId: created.revisions[0]!.id, title: created.title });
    documentsCreated.push({ id: created.id, title: created.title });
  }

  const tags = await resolveTags(tx, workspaceId, plan, warnings);
  const anchoring = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const orphans: ImportReport["orphans"] = [];
  const idByRef = new Map<string, string>();
  const annotationRows = [];
  const tagRows: { annotationId: string; tagId: string }[] = [];
  const replyRows = [];

  for (const [index, annotation] of plan.annotations.entries()) {
    const target = placedOn.get(targetKey(annotation.document))!;
    const placement = placements[index]!;
    anchoring[placement.status] += 1;
    const id = randomUUID();
    idByRef.set(annotation.ref, id);
    if (placement.status === "orphaned") orphans.push({ documentId: target.documentId, documentTitle: target.title, exact: placement.quote.exact, where: annotation.where });
    const technique = annotation.technique ? tags.technique(annotation.technique) : null;
    const note = annotation.technique && !technique ? appendLine(annotation.note, `Technique (as imported): ${annotation.technique.name}`) : annotation.note;
    annotationRows.push({
      id,
      workspaceId,
      documentId: target.documentId,
      authorId: actorId,
      originalAuthorName: credit(annotation.author, annotation.creditedTo, actorId),
      madeOnRevisionId: target.revisionId,
      anchorRevisionId: target.revisionId,
      anchorStatus: placement.status === "orphaned" ? ("ORPHANED" as const) : ("ANCHORED" as const),
      start: placement.start,
      end: placement.end,
      exact: placement.quote.exact,
      prefix: placement.quote.prefix,
      suffix: placement.quote.suffix,
      kind: annotation.kind,
      techniqueId: technique,
      verdict: annotation.kind === "CLAIM" ? annotation.verdict : null,
      confidence: annotation.kind === "CLAIM" ? annotation.confidence : null,
      note,
      visibility: annotation.visibility,
      createdAt: annotation.createdAt,
      updatedAt: annotation.updatedAt,
    });
    for (const tagId of new Set(annotation.tags.map((tag) => tags.tag(tag)).filter((tagId): tagId is string => tagId !== null))) {
      tagRows.push({ annotationId: id, tagId });
    }
    for (const reply of annotation.replies) {
      replyRows.push({ id: randomUUID(), annotationId: id, authorId: actorId, originalAuthorName: credit(reply.author, reply.creditedTo, actorId), body: reply.body, createdAt: reply.createdAt, updatedAt: reply.createdAt });
    }
  }

  const linkRows = links.map(({ sourceRef, targetRef, link }) => {
    const contradiction = link.type === "CONTRADICTS";
    // A contradiction always has a verdict (unresolved until decided), as createLink makes it.
    const verdict = contradiction ? (link.verdict ?? "UNRESOLVED") : null;
    const decided = verdict !== null && verdict !== "UNRESOLVED";
    return {
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
      createdAt: link.createdAt,
      updatedAt: link.createdAt,
    };
  });

  for (let i = 0; i < annotationRows.length; i += WRITE_CHUNK) await tx.annotation.createMany({ data: annotationRows.slice(i, i + WRITE_CHUNK) });
  for (let i = 0; i < tagRows.length; i += WRITE_CHUNK) await tx.annotationTag.createMany({ data: tagRows.slice(i, i + WRITE_CHUNK) });
  for (let i = 0; i < replyRows.length; i += WRITE_CHUNK) await tx.annotationReply.createMany({ data: replyRows.slice(i, i + WRITE_CHUNK) });
  for (let i = 0; i < linkRows.length; i += WRITE_CHUNK) await tx.annotationLink.createMany({ data: linkRows.slice(i, i + WRITE_CHUNK) });

  return {
    documentsCreated,
    annotations: annotationRows.length,
    anchoring,
    orphans,
    replies: replyRows.length,
    links: linkRows.length,
    tagsCreated: tags.created,
    warnings,
  };
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
async function resolveTags(tx: DbClient, workspaceId: string, plan: ImportPlan, warnings: string[]): Promise<TagResolver> {
  const existing = await tx.tag.findMany({ where: { workspaceId }, select: { id: true, key: true, name: true, category: true } });
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
    const tag = await tx.tag.create({
      data: {
        workspaceId,
        category: "CUSTOM",
        key,
        name,
        description: (definition?.description ?? "").slice(0, MAX_TAG_DESCRIPTION_LENGTH),
        colour: definition?.colour ?? DEFAULT_CUSTOM_TAG_COLOUR,
        position: position++,
      },
      select: { id: true, key: true, name: true, category: true },
    });
    byKey.set(tag.key, tag);
    byName.set(`CUSTOM:${tag.name.toLowerCase()}`, tag);
    tagIds.set(wantedKey, tag.id);
    created.push(tag.name);
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
