import { motivationFor, type Motivation } from "./annotation-motivation";
import { indexDocuments, locateInCodePoints, pagesOfAnnotation, type IndexedDocument } from "./document-index";
import { toSlug } from "./export-labels";
import type { ExportAnnotation, ExportDocument, ExportLink, ExportPerson, ExportReply, ExportSet, ExportTag } from "./export-model";
import { formatCitation } from "./format-citation";
import { W3C_EXPORT_CONTEXT, WORKBENCH_GENERATOR_NAME } from "./w3c-context";

export { parseW3cAnnotations } from "./parse-w3c-annotations";

export interface W3cAgent {
  /** Absent for an author known only by the name an imported file credited. */
  id?: string;
  type: "Person";
  name: string;
}

export interface W3cTextualBody {
  type: "TextualBody";
  purpose: Motivation;
  value: string;
  format: "text/plain";
  /** Tag bodies: the tag's IRI, the same for every annotation carrying it. */
  id?: string;
  creator?: W3cAgent;
  /** Assessing bodies of claims: 0..100 (schema:ratingValue). */
  confidence?: number;
}

export interface W3cSource {
  id: string;
  type: "Text";
  title: string;
  creator?: { name: string }[];
  date?: string;
  language?: string;
  bibliographicCitation: string;
  revision: number;
}

export interface W3cTextPositionSelector {
  type: "TextPositionSelector";
  /** Unicode code points, as the model requires. */
  start: number;
  end: number;
}

export interface W3cTextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface W3cTextTarget {
  type: "SpecificResource";
  source: W3cSource | string;
  selector: (W3cTextPositionSelector | W3cTextQuoteSelector)[];
  /** The page or pages of the source the words are on, for texts with pages (schema:pagination, see WORKBENCH_CONTEXT). */
  pagination?: string;
}

/** The software that wrote the export (the model's `generator`, a SHOULD). */
export interface W3cGenerator {
  id: string;
  type: "Software";
  name: string;
}

export interface W3cAnnotation {
  /** Every annotation names its context, also inside a collection's page. */
  "@context": typeof W3C_EXPORT_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: Motivation;
  created: string;
  modified?: string;
  generated: string;
  generator: W3cGenerator;
  creator: W3cAgent;
  /** Only on private annotations (see WORKBENCH_CONTEXT). */
  visibility?: "private";
  body?: W3cTextualBody[];
  /** A text span, or (links, replies) the IRIs of the annotations concerned. */
  target: W3cTextTarget | string | string[];
}

export interface W3cAnnotationPage {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: W3cAnnotation[];
}

export interface W3cAnnotationCollection {
  "@context": typeof W3C_EXPORT_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  generated: string;
  first: W3cAnnotationPage;
  last: string;
}

export interface W3cOptions {
  /** The workbench's public origin, e.g. "https://workbench.example.org"; IRIs hang off it. */
  baseUrl: string;
  /** The export's clock: every item's `generated`. */
  now: Date;
}

/**
 * The set as one W3C Web Annotation `AnnotationCollection` with a single embedded page.
 * Items, in order: each annotation followed by its replies (`replying` annotations targeting it),
 * then the links (`linking` annotations whose two targets are the linked annotations, source
 * first). Motivations: see annotation-motivation.ts. Each text target's `source` is the document
 * itself, with its metadata and a citation, and its selectors are a TextPositionSelector in code
 * points plus a TextQuoteSelector; an annotation whose stored position does not hold its quote (an
 * orphan) gets the quote selector alone, which is still enough to re-anchor it.
 */
export function buildW3cCollection(set: ExportSet, options: W3cOptions): W3cAnnotationCollection {
  const builder = createW3cItemBuilder(set, options);
  const items = [...set.annotations.flatMap((annotation) => builder.annotationItems(annotation)), ...set.links.map((link) => builder.linkItem(link))];
  return {
    "@context": W3C_EXPORT_CONTEXT,
    id: builder.collectionId,
    type: "AnnotationCollection",
    label: builder.label,
    total: items.length,
    generated: builder.generated,
    first: { id: builder.pageId, type: "AnnotationPage", partOf: builder.collectionId, startIndex: 0, items },
    last: builder.pageId,
  };
}

export interface W3cItemBuilder {
  collectionId: string;
  pageId: string;
  label: string;
  generated: string;
  /** The annotation, then its replies. */
  annotationItems(annotation: ExportAnnotation): W3cAnnotation[];
  linkItem(link: ExportLink): W3cAnnotation;
}

/**
 * The collection's items one at a time, for writers that stream (see export-stream.ts): the
 * same objects buildW3cCollection puts in its page, in the same order when called in set order.
 */
export function createW3cItemBuilder(set: Pick<ExportSet, "workspace" | "documents">, options: W3cOptions): W3cItemBuilder {
  const iri = iriMaker(options.baseUrl, set.workspace.id);
  const documents = indexDocuments(set.documents);
  const sources = new Map(set.documents.map((document) => [document.id, toSource(document, iri)]));
  const context: BuildContext = {
    iri,
    generated: options.now.toISOString(),
    generator: { id: options.baseUrl.replace(/\/+$/, "") + "/", type: "Software", name: WORKBENCH_GENERATOR_NAME },
  };
  const collectionId = iri.collection();
  return {
    collectionId,
    pageId: `${collectionId}?page=0`,
    label: `${set.workspace.name}: annotations`,
    generated: context.generated,
    annotationItems: (annotation) => [
      toW3cAnnotation(annotation, documents.get(annotation.documentId), sources.get(annotation.documentId) ?? iri.document(annotation.documentId), context),
      ...annotation.replies.map((reply) => toW3cReply(reply, annotation, context)),
    ],
    linkItem: (link) => toW3cLink(link, context),
  };
}

interface BuildContext {
  iri: ReturnType<typeof iriMaker>;
  generated: string;
  generator: W3cGenerator;
}

function iriMaker(baseUrl: string, workspaceId: string) {
  const base = baseUrl.replace(/\/+$/, "");
  const path = (...segments: string[]) => [base, ...segments.map(encodeURIComponent)].join("/");
  return {
    collection: () => path("workspaces", workspaceId, "annotations"),
    document: (id: string) => path("documents", id),
    annotation: (id: string) => path("annotations", id),
    reply: (id: string) => path("replies", id),
    link: (id: string) => path("links", id),
    user: (id: string) => path("users", id),
    tag: (key: string) => path("workspaces", workspaceId, "tags", key),
  };
}

function toSource(document: ExportDocument, iri: BuildContext["iri"]): W3cSource {
  return {
    id: iri.document(document.id),
    type: "Text",
    title: document.title,
    ...(document.authors.length > 0 && { creator: document.authors.map((name) => ({ name })) }),
    ...(document.dateText && { date: document.dateText }),
    ...(document.language && { language: document.language }),
    bibliographicCitation: formatCitation(document),
    revision: document.revisionNumber,
  };
}

function toW3cAnnotation(annotation: ExportAnnotation, indexed: IndexedDocument | undefined, source: W3cSource | string, context: BuildContext): W3cAnnotation {
  const body = annotationBodies(annotation, context);
  return {
    "@context": W3C_EXPORT_CONTEXT,
    id: context.iri.annotation(annotation.id),
    type: "Annotation",
    motivation: motivationFor(annotation),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    generated: context.generated,
    generator: context.generator,
    creator: creatorOf(annotation, context),
    ...(annotation.visibility === "PRIVATE" && { visibility: "private" as const }),
    ...(body.length > 0 && { body }),
    target: { type: "SpecificResource", source, selector: selectors(annotation, indexed), ...pagination(annotation, indexed) },
  };
}

function selectors(annotation: ExportAnnotation, indexed: IndexedDocument | undefined): W3cTextTarget["selector"] {
  const quote: W3cTextQuoteSelector = {
    type: "TextQuoteSelector",
    exact: annotation.exact,
    ...(annotation.prefix !== "" && { prefix: annotation.prefix }),
    ...(annotation.suffix !== "" && { suffix: annotation.suffix }),
  };
  const position = locateInCodePoints(indexed, annotation);
  return position ? [{ type: "TextPositionSelector", start: position.start, end: position.end }, quote] : [quote];
}

function pagination(annotation: ExportAnnotation, indexed: IndexedDocument | undefined): { pagination?: string } {
  const pages = pagesOfAnnotation(indexed?.document, annotation);
  return pages === null ? {} : { pagination: pages };
}

/** Technique (classifying), tags (tagging), verdict and confidence (assessing), note (commenting). */
function annotationBodies(annotation: ExportAnnotation, context: BuildContext): W3cTextualBody[] {
  const bodies: W3cTextualBody[] = [];
  if (annotation.technique) bodies.push(tagBody(annotation.technique, "classifying", context));
  for (const tag of annotation.tags) bodies.push(tagBody(tag, "tagging", context));
  if (annotation.verdict !== null || annotation.confidence !== null) {
    bodies.push({
      ...textualBody("assessing", toSlug(annotation.verdict ?? "UNVERIFIED")),
      ...(annotation.confidence !== null && { confidence: annotation.confidence }),
    });
  }
  if (annotation.note.trim() !== "") bodies.push(textualBody("commenting", annotation.note));
  return bodies;
}

function toW3cReply(reply: ExportReply, annotation: ExportAnnotation, context: BuildContext): W3cAnnotation {
  return {
    "@context": W3C_EXPORT_CONTEXT,
    id: context.iri.reply(reply.id),
    type: "Annotation",
    motivation: "replying",
    created: reply.createdAt,
    generated: context.generated,
    generator: context.generator,
    creator: creatorOf(reply, context),
    body: [textualBody("replying", reply.body)],
    target: context.iri.annotation(annotation.id),
  };
}

/** Type (classifying); verdict and its rationale (assessing, by whoever decided); note (commenting). */
function toW3cLink(link: ExportLink, context: BuildContext): W3cAnnotation {
  const verdictBy = link.verdictBy ? { creator: agent(link.verdictBy, context) } : {};
  const body = [textualBody("classifying", toSlug(link.type))];
  if (link.verdict) body.push({ ...textualBody("assessing", toSlug(link.verdict)), ...verdictBy });
  if (link.verdictRationale.trim() !== "") body.push({ ...textualBody("assessing", link.verdictRationale), ...verdictBy });
  if (link.note.trim() !== "") body.push(textualBody("commenting", link.note));
  return {
    "@context": W3C_EXPORT_CONTEXT,
    id: context.iri.link(link.id),
    type: "Annotation",
    motivation: "linking",
    created: link.createdAt,
    generated: context.generated,
    generator: context.generator,
    creator: creatorOf(link, context),
    body,
    target: [context.iri.annotation(link.sourceAnnotationId), context.iri.annotation(link.targetAnnotationId)],
  };
}

function textualBody(purpose: Motivation, value: string): W3cTextualBody {
  return { type: "TextualBody", purpose, value, format: "text/plain" };
}

function tagBody(tag: ExportTag, purpose: Motivation, context: BuildContext): W3cTextualBody {
  return { ...textualBody(purpose, tag.name), id: context.iri.tag(tag.key) };
}

/** The credited original author of an imported item (by name only), else the account. */
function creatorOf(item: { author: ExportPerson; creditedTo?: string | null }, context: BuildContext): W3cAgent {
  return item.creditedTo ? { type: "Person", name: item.creditedTo } : agent(item.author, context);
}

function agent(person: ExportPerson, context: BuildContext): W3cAgent {
  return { id: context.iri.user(person.id), type: "Person", name: person.name };
}
