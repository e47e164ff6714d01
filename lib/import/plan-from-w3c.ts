import { createUtf16Converter } from "../export/code-point-converter";
import type { AnnotationKind, ClaimVerdict, ContradictionVerdict, LinkType } from "../export/export-model";
import { toSlug } from "../export/export-labels";
import type { ParsedAnnotation, ParsedBody, ParsedTextTarget } from "../export/parse-w3c-annotations";
import { MAX_ANNOTATION_LENGTH, MAX_NOTE_LENGTH } from "../validations/annotation";
import { CLAIM_VERDICTS } from "../vocabulary/claim-verdict";
import { CONTRADICTION_VERDICTS } from "../vocabulary/contradiction-verdict";
import { LINK_TYPES } from "../vocabulary/link-type";
import { fileDate, type ImportPlan, type PlannedAnnotation, type PlannedLink, type PlannedPerson } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

export interface W3cTargetDocument {
  id: string;
  title: string;
  text: string;
}

interface PlanOptions {
  /** The workspace's documents an annotation may be placed on (id, title, current text). */
  documents: readonly W3cTargetDocument[];
  /** When the user chose one document, every text target is placed on it. */
  chosenDocumentId: string | null;
  now?: Date;
}

/** How an annotation's motivation reads as a kind: the inverse of export's motivationFor. */
const KIND_BY_MOTIVATION: Record<string, AnnotationKind> = {
  highlighting: "CLAIM",
  assessing: "CLAIM",
  classifying: "BIAS_MARKER",
  questioning: "CONTRADICTION",
};

/**
 * W3C Web Annotations (ours, or made elsewhere, e.g. Hypothesis-style) as an import plan onto
 * documents the workspace already holds. Each text target is matched to a document — the one the
 * user chose, else by the source's workbench IRI, else by its title — and its TextPositionSelector
 * (code points) converted to UTF-16. `replying` annotations become replies, `linking` ones with
 * two annotation targets become links. Bodies map back as export writes them: classifying →
 * technique, tagging → tags, assessing → verdict and confidence, commenting (or a bare textual
 * body) → note. Anything that cannot be mapped safely is refused with the item named.
 */
export function planFromW3c(parsed: readonly ParsedAnnotation[], { documents, chosenDocumentId, now = new Date() }: PlanOptions): ImportPlan {
  const problems: ImportProblem[] = [];
  const problem = (index: number, message: string) => {
    if (problems.length < 20) problems.push({ where: `item ${index + 1}`, message });
  };
  const warnings: string[] = [];
  const byId = new Map(documents.map((document) => [document.id, document]));
  const byTitle = new Map<string, W3cTargetDocument | "ambiguous">();
  for (const document of documents) {
    const title = document.title.trim().toLowerCase();
    byTitle.set(title, byTitle.has(title) ? "ambiguous" : document);
  }
  const converters = new Map<string, ReturnType<typeof createUtf16Converter>>();
  const annotations: PlannedAnnotation[] = [];
  const replies: ParsedAnnotation[] = [];
  const linkItems: ParsedAnnotation[] = [];
  const refs = new Set<string>();

  for (const item of parsed) {
    const motivation = item.motivations[0] ?? "";
    const textTargets = item.targets.filter((target): target is ParsedTextTarget => target.kind === "text");
    if (textTargets.length === 0) {
      if (motivation === "replying" || item.motivations.includes("replying")) replies.push(item);
      else if (item.motivations.includes("linking")) linkItems.push(item);
      else problem(item.index, "It targets no text of a document, and is neither a reply nor a link.");
      continue;
    }
    if (textTargets.length > 1) warnings.push(`item ${item.index + 1}: it has ${textTargets.length} text targets; the first was used.`);
    const target = textTargets[0]!;
    const document = chosenDocumentId ? byId.get(chosenDocumentId) : (byId.get(documentIdFromIri(target.source) ?? "") ?? (target.sourceTitle ? byTitle.get(target.sourceTitle.trim().toLowerCase()) : undefined));
    if (document === "ambiguous") {
      problem(item.index, `Several documents here are titled “${target.sourceTitle}”. Choose the document to import onto.`);
      continue;
    }
    if (!document) {
      problem(item.index, `Its source (${target.sourceTitle ?? target.source}) is not a document of this workspace. Choose the document to import onto.`);
      continue;
    }
    let converter = converters.get(document.id);
    if (!converter) converters.set(document.id, (converter = createUtf16Converter(document.text)));
    const start = target.position ? converter(target.position.start) : null;
    const end = target.position ? converter(target.position.end) : null;
    const position = start !== null && end !== null && start < end ? { start, end } : null;
    if (target.position && !position) {
      if (!target.quote) {
        problem(item.index, `Its position ${target.position.start}–${target.position.end} lies outside “${document.title}” and it has no quote to find the words by.`);
        continue;
      }
      warnings.push(`item ${item.index + 1}: its position lies outside “${document.title}”; it was placed by its quote.`);
    }
    if (target.quote && target.quote.exact.length > MAX_ANNOTATION_LENGTH) {
      problem(item.index, `Its quote is longer than ${MAX_ANNOTATION_LENGTH.toLocaleString("en")} characters.`);
      continue;
    }
    const fields = annotationFields(item, motivation);
    if (fields.note.length > MAX_NOTE_LENGTH) {
      problem(item.index, `Its note is longer than ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`);
      continue;
    }
    const ref = item.id ?? `#${item.index}`;
    if (refs.has(ref)) {
      problem(item.index, `The id ${ref} is used twice.`);
      continue;
    }
    refs.add(ref);
    const created = fileDate(item.created, now);
    annotations.push({
      ref,
      where: `item ${item.index + 1}`,
      document: { kind: "existing", documentId: document.id },
      position,
      quote: target.quote,
      ...fields,
      // Private stays private (the workbench writes it); everything else is shared with the workspace.
      visibility: item.visibility === "private" ? "PRIVATE" : "WORKSPACE",
      author: person(item),
      creditedTo: null,
      createdAt: created,
      updatedAt: fileDate(item.modified, created),
      replies: [],
    });
  }

  const byRef = new Map(annotations.map((annotation) => [annotation.ref, annotation]));
  for (const reply of replies) {
    const target = reply.targets[0];
    const parent = target?.kind === "resource" ? byRef.get(target.id) : undefined;
    const body = textOf(reply.bodies.filter((b) => !b.purpose || b.purpose === "replying" || b.purpose === "commenting"));
    if (!parent) problem(reply.index, "It replies to an annotation that is not in the file.");
    else if (!body) problem(reply.index, "The reply has no text.");
    else if (body.length > MAX_NOTE_LENGTH) problem(reply.index, `The reply is longer than ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`);
    else parent.replies.push({ body, author: person(reply), creditedTo: null, createdAt: fileDate(reply.created, now) });
  }

  const links: PlannedLink[] = [];
  for (const item of linkItems) {
    const ends = item.targets.flatMap((target) => (target.kind === "resource" ? [target.id] : []));
    if (ends.length !== 2 || !byRef.has(ends[0]!) || !byRef.has(ends[1]!)) {
      problem(item.index, "A link must target two annotations of the file.");
      continue;
    }
    const type = slugMatch(LINK_TYPES, item.bodies.filter((b) => b.purpose === "classifying"));
    if (!type) warnings.push(`item ${item.index + 1}: the link does not say its type; it was imported as “responds to”.`);
    const assessing = item.bodies.filter((b) => b.purpose === "assessing");
    const verdict = slugMatch(CONTRADICTION_VERDICTS, assessing);
    const rationale = textOf(assessing.filter((b) => !slugMatch(CONTRADICTION_VERDICTS, [b])));
    const decider = assessing.find((b) => b.creator)?.creator ?? null;
    const note = textOf(item.bodies.filter((b) => b.purpose === "commenting"));
    if (note.length > MAX_NOTE_LENGTH || rationale.length > MAX_NOTE_LENGTH) {
      problem(item.index, `The link's note or rationale is longer than ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`);
      continue;
    }
    links.push({
      where: `item ${item.index + 1}`,
      sourceRef: ends[0]!,
      targetRef: ends[1]!,
      type: (type ?? "RESPONDS_TO") as LinkType,
      note,
      verdict: type === "CONTRADICTS" ? ((verdict as ContradictionVerdict | null) ?? null) : null,
      verdictRationale: rationale,
      author: person(item),
      creditedTo: null,
      verdictBy: decider ? { id: lastSegment(decider.id), name: decider.name } : null,
      createdAt: fileDate(item.created, now),
    });
  }

  if (problems.length > 0) throw new ImportRejected("Some annotations in the file cannot be imported; nothing was imported.", problems);
  if (annotations.length === 0) throw new ImportRejected("The file holds no annotations on a text.");
  return { source: "w3c", documents: [], annotations, links, tagDefinitions: new Map(), warnings };
}

function annotationFields(item: ParsedAnnotation, motivation: string): Pick<PlannedAnnotation, "kind" | "technique" | "tags" | "verdict" | "confidence" | "note"> {
  const kind = KIND_BY_MOTIVATION[motivation] ?? "CUSTOM";
  const classifying = item.bodies.find((b) => b.purpose === "classifying" && b.value);
  const assessing = item.bodies.filter((b) => b.purpose === "assessing");
  const verdict = kind === "CLAIM" ? (slugMatch(CLAIM_VERDICTS, assessing) as ClaimVerdict | null) : null;
  const confidence = kind === "CLAIM" ? (assessing.find((b) => b.confidence !== null)?.confidence ?? null) : null;
  const notes = item.bodies.filter((b) => (b.purpose === "commenting" || (!b.purpose && b.value)) && b.value);
  const otherAssessments = assessing.filter((b) => b.value && !slugMatch(CLAIM_VERDICTS, [b]));
  return {
    kind,
    technique: kind === "BIAS_MARKER" && classifying ? { key: tagKeyFromIri(classifying.id), name: classifying.value! } : null,
    tags: item.bodies
      .filter((b) => b.purpose === "tagging" && b.value)
      .slice(0, 50)
      .map((b) => ({ key: tagKeyFromIri(b.id), name: b.value!.slice(0, 60) })),
    verdict,
    confidence: confidence === null ? null : Math.max(0, Math.min(100, Math.round(confidence))),
    note: textOf([...notes, ...otherAssessments]),
  };
}

function slugMatch(values: readonly string[], bodies: readonly ParsedBody[]): string | null {
  for (const body of bodies) {
    const value = body.value?.trim().toLowerCase();
    const match = values.find((candidate) => toSlug(candidate) === value);
    if (match) return match;
  }
  return null;
}

function textOf(bodies: readonly ParsedBody[]): string {
  return bodies
    .map((body) => body.value?.trim() ?? "")
    .filter(Boolean)
    .join("\n\n");
}

function person(item: ParsedAnnotation): PlannedPerson {
  return { id: lastSegment(item.creator?.id ?? null), name: item.creator?.name ?? null };
}

/** Our IRIs end in /users/<id>, /documents/<id>, /tags/<key>: the last segment is the id. */
function lastSegment(iri: string | null): string | null {
  if (!iri) return null;
  const segment = iri.replace(/\/+$/, "").split("/").pop();
  try {
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}

function documentIdFromIri(iri: string): string | null {
  return /\/documents\/[^/]+\/?$/.test(iri) ? lastSegment(iri) : null;
}

function tagKeyFromIri(iri: string | null): string | null {
  return iri && /\/tags\/[^/]+\/?$/.test(iri) ? lastSegment(iri) : null;
}
