import { randomUUID } from "node:crypto";
import { anchorSelectors } from "../anchoring/anchor-selectors";
import { describeRange } from "../anchoring/describe-range";
import type { Db, DbClient } from "../db";
import { contentHash } from "../documents/create-document";
import { documentMetadataData } from "../documents/document-metadata-data";
import { AppError } from "../errors";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import type { DocumentTarget, ImportPlan, ImportReport, PlannedAnnotation, PlannedPerson } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

/** Rows per createMany: well inside SQLite's limit on bound variables. */
const WRITE_CHUNK = 500;
/** A large import may take a while; it still commits or rolls back as one. */
const TRANSACTION_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_CUSTOM_TAG_COLOUR = "#5f7a4e";

interface PlacedText {
  documentId: string;
  revisionId: string;
  title: string;
  text: string;
}

/**
 * Writes an import plan into a workspace in one transaction: the new documents, then every
 * annotation placed on its text with the anchoring module (position and quote; where neither
 * holds, a windowed fuzzy match; below the minimum score the annotation is kept as an orphan and
 * listed in the report, never dropped and never moved onto other words), its tags (custom tags
 * the workspace lacks are created), replies, and the links between them. Any failure rolls all of
 * it back. Everything is written as the importing user; where the file credits someone else, that
 * name is kept as the original author.
 */
export async function applyImportPlan(db: Db, { actor, workspaceId, plan }: { actor: { id: string }; workspaceId: string; plan: ImportPlan }): Promise<ImportReport> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  return db.$transaction(
    async (tx) => {
      // Again inside the transaction: a role removed meanwhile stops the import.
      await requireWorkspaceRole(tx, { userId: actor.id, workspaceId, minimum: "EDITOR" });
      return writePlan(tx, actor.id, workspaceId, plan);
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

async function writePlan(tx: DbClient, actorId: string, workspaceId: string, plan: ImportPlan): Promise<ImportReport> {
  const now = new Date();
  const warnings = [...plan.warnings];
  const texts = new Map<string, PlacedText>();
  const documentsCreated: ImportReport["documentsCreated"] = [];

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
    texts.set(targetKey({ kind: "new", ref: document.ref }), { documentId: created.id, revisionId: created.revisions[0]!.id, title: created.title, text: document.text });
    documentsCreated.push({ id: created.id, title: created.title });
  }
  await loadExistingTargets(tx, workspaceId, plan.annotations, texts);

  const tags = await resolveTags(tx, workspaceId, plan, warnings);
  const anchoring = { exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const orphans: ImportReport["orphans"] = [];
  const idByRef = new Map<string, string>();
  const annotationRows = [];
  const tagRows: { annotationId: string; tagId: string }[] = [];
  const replyRows = [];

  for (const annotation of plan.annotations) {
    const placed = texts.get(targetKey(annotation.document))!;
    const anchor = place(placed.text, annotation);
    anchoring[anchor.status] += 1;
    const id = randomUUID();
    idByRef.set(annotation.ref, id);
    if (anchor.status === "orphaned") {
      orphans.push({ documentId: placed.documentId, documentTitle: placed.title, exact: anchor.quote.exact, where: annotation.where });
    }
    const technique = annotation.technique ? tags.technique(annotation.technique) : null;
    let note = annotation.note;
    if (annotation.technique && !technique) note = appendLine(note, `Technique (as imported): ${annotation.technique.name}`);
    annotationRows.push({
      id,
      workspaceId,
      documentId: placed.documentId,
      authorId: actorId,
      originalAuthorName: creditedName(annotation.author, actorId),
      madeOnRevisionId: placed.revisionId,
      anchorRevisionId: placed.revisionId,
      anchorStatus: anchor.status === "orphaned" ? ("ORPHANED" as const) : ("ANCHORED" as const),
      start: anchor.start,
      end: anchor.end,
      exact: anchor.quote.exact,
      prefix: anchor.quote.prefix,
      suffix: anchor.quote.suffix,
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
      replyRows.push({ id: randomUUID(), annotationId: id, authorId: actorId, originalAuthorName: creditedName(reply.author, actorId), body: reply.body, createdAt: reply.createdAt, updatedAt: reply.createdAt });
    }
  }

  const linkRows = linkRowsFor(plan, idByRef, { actorId, workspaceId, now, warnings });
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

function targetKey(target: DocumentTarget): string {
  return target.kind === "new" ? `new:${target.ref}` : `existing:${target.documentId}`;
}

/** The current text of every existing document the plan annotates; each must be in the workspace. */
async function loadExistingTargets(tx: DbClient, workspaceId: string, annotations: readonly PlannedAnnotation[], texts: Map<string, PlacedText>) {
  const ids = [...new Set(annotations.flatMap((a) => (a.document.kind === "existing" ? [a.document.documentId] : [])))];
  if (ids.length === 0) return;
  const documents = await tx.document.findMany({ where: { id: { in: ids }, workspaceId }, select: { id: true, title: true, currentRevisionNumber: true } });
  if (documents.length !== ids.length) throw new AppError("NOT_FOUND", "A document the file is meant for is not in this workspace.");
  for (const document of documents) {
    const revision = await tx.documentRevision.findUniqueOrThrow({
      where: { documentId_number: { documentId: document.id, number: document.currentRevisionNumber } },
      select: { id: true, text: true },
    });
    texts.set(targetKey({ kind: "existing", documentId: document.id }), { documentId: document.id, revisionId: revision.id, title: document.title, text: revision.text });
  }
}

type Placement =
  | { status: "exact" | "moved" | "fuzzy"; start: number; end: number; quote: { exact: string; prefix: string; suffix: string } }
  | { status: "orphaned"; start: number; end: number; quote: { exact: string; prefix: string; suffix: string } };

/** Where an annotation goes on its text: the anchoring module decides, from what the file gives. */
function place(text: string, annotation: PlannedAnnotation): Placement {
  const { position } = annotation;
  const quote = annotation.quote ?? (position && position.end <= text.length && position.start < position.end ? describeRange(text, position.start, position.end).quote : null);
  if (!quote) throw new ImportRejected("An annotation has neither a quote nor a position inside its text.", [{ where: annotation.where, message: "No usable selector." }]);
  const result = anchorSelectors(
    text,
    { position: position ?? { start: -1, end: -1 }, quote },
    // Without a position there is no hint: search the whole text.
    position ? {} : { hint: 0, window: text.length },
  );
  if (result.status === "orphaned") return { status: "orphaned", start: position?.start ?? 0, end: position?.end ?? 0, quote };
  const described = describeRange(text, result.start, result.end);
  return { status: result.status, start: result.start, end: result.end, quote: described.quote };
}

/** The name to keep as original author: none when the file credits the importer themself. */
function creditedName(person: PlannedPerson, actorId: string): string | null {
  if (person.id === actorId) return null;
  const name = person.name?.trim();
  return name ? name.slice(0, 200) : null;
}

function appendLine(note: string, line: string): string {
  return note.trim() === "" ? line : `${note}\n\n${line}`;
}

function linkRowsFor(plan: ImportPlan, idByRef: Map<string, string>, { actorId, workspaceId, now, warnings }: { actorId: string; workspaceId: string; now: Date; warnings: string[] }) {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const rows = [];
  for (const link of plan.links) {
    const sourceAnnotationId = idByRef.get(link.sourceRef);
    const targetAnnotationId = idByRef.get(link.targetRef);
    if (!sourceAnnotationId || !targetAnnotationId) {
      problems.push({ where: link.where, message: "It links an annotation that is not in the file." });
      continue;
    }
    if (sourceAnnotationId === targetAnnotationId) {
      problems.push({ where: link.where, message: "It links an annotation to itself." });
      continue;
    }
    const key = `${sourceAnnotationId} ${targetAnnotationId} ${link.type}`;
    if (seen.has(key)) {
      warnings.push(`${link.where}: the same link appears twice; it was imported once.`);
      continue;
    }
    seen.add(key);
    const decided = link.type === "CONTRADICTS" && link.verdict !== null;
    rows.push({
      id: randomUUID(),
      workspaceId,
      sourceAnnotationId,
      targetAnnotationId,
      type: link.type,
      note: link.note,
      authorId: actorId,
      originalAuthorName: creditedName(link.author, actorId),
      verdict: link.type === "CONTRADICTS" ? link.verdict : null,
      verdictRationale: link.verdictRationale,
      // Who decided is kept only when it was the importer; the verdict itself always travels.
      verdictById: decided && link.verdictBy?.id === actorId ? actorId : null,
      verdictAt: decided ? now : null,
      createdAt: link.createdAt,
      updatedAt: link.createdAt,
    });
  }
  if (problems.length > 0) throw new ImportRejected("Some links do not connect two annotations of the file; nothing was imported.", problems.slice(0, 20));
  return rows;
}

interface TagResolver {
  technique(ref: { key: string | null; name: string }): string | null;
  tag(ref: { key: string | null; name: string }): string | null;
  created: string[];
}

/**
 * Matches the file's techniques and tags to the workspace's, by key and then by name (ignoring
 * case). Techniques come only from the workspace's taxonomies; a tag the workspace lacks becomes
 * a new custom tag, with the bundle's colour and description when it gives them.
 */
async function resolveTags(tx: DbClient, workspaceId: string, plan: ImportPlan, warnings: string[]): Promise<TagResolver> {
  const existing = await tx.tag.findMany({ where: { workspaceId }, select: { id: true, key: true, name: true, category: true } });
  const byKey = new Map(existing.map((tag) => [tag.key, tag]));
  const byName = new Map(existing.map((tag) => [`${tag.category}:${tag.name.toLowerCase()}`, tag]));
  const wanted = new Map<string, { key: string | null; name: string }>();
  for (const annotation of plan.annotations) for (const tag of annotation.tags) wanted.set(tag.key ?? `name:${tag.name.toLowerCase()}`, tag);

  const tagIds = new Map<string, string | null>();
  const created: string[] = [];
  let position = existing.filter((tag) => tag.category === "CUSTOM").length;
  for (const [wantedKey, ref] of wanted) {
    const found = (ref.key ? byKey.get(ref.key) : undefined) ?? byName.get(`CUSTOM:${ref.name.toLowerCase()}`);
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
    const name = ref.name.trim().slice(0, 60) || "Imported tag";
    const key = ref.key?.startsWith("custom:") ? ref.key : `custom:${name.toLowerCase().replace(/\s+/g, "-")}`;
    const clash = byKey.get(key);
    if (clash) {
      tagIds.set(wantedKey, clash.id);
      continue;
    }
    const tag = await tx.tag.create({
      data: { workspaceId, category: "CUSTOM", key, name, description: definition?.description ?? "", colour: definition?.colour ?? DEFAULT_CUSTOM_TAG_COLOUR, position: position++ },
      select: { id: true, key: true, name: true, category: true },
    });
    byKey.set(tag.key, tag);
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
    tag: (ref) => tagIds.get(ref.key ?? `name:${ref.name.toLowerCase()}`) ?? null,
    created,
  };
}
