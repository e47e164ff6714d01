import { motivationFor } from "./annotation-motivation";
import { createCodePointConverter, type CodePointConverter } from "./code-point-converter";
import { KIND_LABEL } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL } from "../vocabulary/claim-verdict";
import { CONTRADICTION_VERDICT_LABEL } from "../vocabulary/contradiction-verdict";
import { sourceKindPhrase } from "../vocabulary/source-kind";
import { toSlug } from "./export-labels";
import type { ExportAnnotation, ExportDocument, ExportLink, ExportPerson, ExportTag } from "./export-model";
import { splitVerbatimParagraphs, type Paragraph } from "./split-verbatim-paragraphs";
import { paragraphId, teiPointersFor } from "./tei-pointers";
import { openTag, xmlBlock, xmlElement, type XmlAttributes, type XmlChild } from "./xml-element";
import { escapeXmlText } from "./xml-escape";
import { toXmlId } from "./xml-id";

export interface TeiOptions {
  /** The export's clock: written into the header. */
  now: Date;
  /**
   * Where the workbench serves annotations. A link whose other end is in another document points
   * at `${baseUrl}/annotations/<id>` (root-relative when no base is given), since that end has no
   * xml:id in this file.
   */
  baseUrl?: string;
}

const TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0";
const WHOLE_TEXT_ID = "text";

/**
 * One document as TEI P5: the header from its metadata, its text as paragraphs (split on blank
 * lines, each `<p xml:id="pN">` holding its text unchanged), and its annotations and links as
 * stand-off markup. Stand-off, never inline: inline elements must nest, so overlapping spans (a
 * loaded phrase inside a claim, two claims sharing words) could not all be kept; pointers can.
 * Each `<annotation>` points with `#string-range(pN,offset,length)` in code points (see
 * tei-pointers.ts); kinds, verdicts, techniques and tags are categories of the header's
 * taxonomies, referenced from `@ana`; links are `<link>` elements in a `<linkGrp>`.
 */
export function buildTeiDocument(document: ExportDocument, annotations: readonly ExportAnnotation[], links: readonly ExportLink[], options: TeiOptions): string {
  return [...teiDocumentParts(document, annotations, links, options)].join("");
}

/**
 * The same document in pieces, in order (their concatenation is buildTeiDocument's string): the
 * header and the text, then one stand-off annotation or link at a time, so an export can hand each
 * piece on as it is made and give the event loop a turn between pieces (export-stream.ts).
 */
export function* teiDocumentParts(document: ExportDocument, annotations: readonly ExportAnnotation[], links: readonly ExportLink[], options: TeiOptions): Generator<string> {
  const own = annotations.filter((annotation) => annotation.documentId === document.id);
  const ownIds = new Set(own.map((annotation) => annotation.id));
  const ownLinks = links.filter((link) => ownIds.has(link.sourceAnnotationId) || ownIds.has(link.targetAnnotationId));
  // An empty piece between the steps of indexing a long document: a consumer may pause there.
  yield "";
  const paragraphs = splitVerbatimParagraphs(document.text);
  const context: TeiContext = {
    document,
    paragraphs,
    toCodePoint: createCodePointConverter(document.text),
    ownIds,
    foreignBase: `${(options.baseUrl ?? "").replace(/\/+$/, "")}/annotations/`,
  };
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${openTag("TEI", { xmlns: TEI_NAMESPACE })}\n`;
  yield teiHeader(document, own, ownLinks, options.now);
  yield "\n";
  yield textElement(document, paragraphs);
  yield "";
  yield* standOffParts(own, ownLinks, context);
  yield "\n</TEI>\n";
}

interface TeiContext {
  document: ExportDocument;
  paragraphs: readonly Paragraph[];
  toCodePoint: CodePointConverter;
  ownIds: ReadonlySet<string>;
  foreignBase: string;
}

const text = escapeXmlText;
const personId = (person: ExportPerson) => toXmlId("person-", person.id);
const personRef = (person: ExportPerson) => `#${personId(person)}`;
const annotationId = (id: string) => toXmlId("a-", id);
const linkId = (id: string) => toXmlId("l-", id);

// ── Header ──────────────────────────────────────────────────────────────────────────────────────

function teiHeader(document: ExportDocument, annotations: readonly ExportAnnotation[], links: readonly ExportLink[], now: Date): string {
  return xmlBlock("teiHeader", {}, [
    xmlBlock("fileDesc", {}, [
      xmlBlock("titleStmt", {}, [
        xmlElement("title", {}, text(document.title)),
        ...document.authors.map((author) => xmlElement("author", {}, text(author))),
        annotatorsStatement(annotations, links),
      ]),
      xmlBlock("publicationStmt", {}, [
        xmlElement(
          "p",
          {},
          text("Exported from the source-criticism workbench on "),
          xmlElement("date", { when: now.toISOString() }, text(now.toISOString())),
          text(`: revision ${document.revisionNumber} of the transcription, with its annotations as stand-off markup.`),
        ),
      ]),
      document.notes.trim() !== "" && xmlBlock("notesStmt", {}, [xmlElement("note", {}, text(document.notes))]),
      xmlBlock("sourceDesc", {}, [sourceBibl(document)]),
    ]),
    encodingDesc(annotations),
    profileDesc(document),
  ]);
}

function annotatorsStatement(annotations: readonly ExportAnnotation[], links: readonly ExportLink[]): XmlChild {
  const people = new Map<string, ExportPerson>();
  const add = (person: ExportPerson | null) => {
    if (person && !people.has(person.id)) people.set(person.id, person);
  };
  for (const annotation of annotations) {
    add(annotation.author);
    annotation.replies.forEach((reply) => add(reply.author));
  }
  for (const link of links) {
    add(link.author);
    add(link.verdictBy);
  }
  if (people.size === 0) return null;
  return xmlBlock("respStmt", {}, [
    xmlElement("resp", {}, "annotation"),
    ...[...people.values()].map((person) => xmlElement("persName", { "xml:id": personId(person) }, text(person.name))),
  ]);
}

function sourceBibl(document: ExportDocument): string {
  const optional = (name: string, value: string | null, attributes: XmlAttributes = {}) => value !== null && value.trim() !== "" && xmlElement(name, attributes, text(value));
  return xmlBlock("bibl", {}, [
    ...document.authors.map((author) => xmlElement("author", {}, text(author))),
    xmlElement("title", {}, text(document.title)),
    optional("title", document.containerTitle, { type: "container" }),
    optional("edition", document.edition),
    optional("pubPlace", document.publisherPlace),
    optional("publisher", document.publisher),
    optional("date", document.dateText),
    optional("biblScope", document.volume, { unit: "volume" }),
    optional("biblScope", document.issue, { unit: "issue" }),
    optional("biblScope", document.pages, { unit: "page" }),
    document.url && xmlElement("ref", { target: document.url }, text(document.url)),
    optional("idno", document.archiveLocation, { type: "archiveLocation" }),
    optional("note", document.provenance, { type: "provenance" }),
  ]);
}

function profileDesc(document: ExportDocument): XmlChild {
  const creationParts = [
    document.dateText && xmlElement("date", {}, text(document.dateText)),
    document.place && xmlElement("placeName", {}, text(document.place)),
  ].filter(isMarkup);
  const terms = [
    document.sourceKind && xmlElement("term", { type: "sourceKind" }, text(sourceKindPhrase(document.sourceKind))),
    document.genre && xmlElement("term", { type: "genre" }, text(document.genre)),
  ].filter(isMarkup);
  const parts = [
    creationParts.length > 0 && xmlElement("creation", {}, ...creationParts),
    document.language && xmlBlock("langUsage", {}, [xmlElement("language", { ident: document.language }, text(document.language))]),
    terms.length > 0 && xmlBlock("textClass", {}, [xmlBlock("keywords", {}, terms)]),
  ].filter(isMarkup);
  return parts.length > 0 && xmlBlock("profileDesc", {}, parts);
}

function isMarkup(value: string | null | false): value is string {
  return typeof value === "string" && value !== "";
}

// ── Taxonomies: what @ana points at ───────────────────────────────────────────────────────────

function encodingDesc(annotations: readonly ExportAnnotation[]): string {
  return xmlBlock("encodingDesc", {}, [
    xmlElement(
      "p",
      {},
      text(
        "Annotations are stand-off: each annotation in standOff points into the text with string-range(paragraph, offset, length), " +
          "counting Unicode code points from the start of the paragraph, so overlapping annotations are all kept. " +
          "A span across paragraphs points to one range per paragraph. An annotation that could not be placed on this revision " +
          "(an orphan) points to the whole text and keeps its quote in a note of type quote.",
      ),
    ),
    xmlBlock("classDecl", {}, [
      taxonomy("kinds", Object.entries(KIND_LABEL).map(([kind, label]) => category(kindCategory(kind), label))),
      taxonomy("verdicts", Object.entries(CLAIM_VERDICT_LABEL).map(([verdict, label]) => category(verdictCategory(verdict), label))),
      taxonomy("techniques", uniqueTags(annotations.flatMap((a) => (a.technique ? [a.technique] : []))).map((t) => category(techniqueCategory(t), t.name))),
      taxonomy("tags", uniqueTags(annotations.flatMap((a) => a.tags)).map((tag) => category(tagCategory(tag), tag.name))),
      taxonomy("link-verdicts", Object.entries(CONTRADICTION_VERDICT_LABEL).map(([verdict, label]) => category(linkVerdictCategory(verdict), label))),
      taxonomy("anchor-statuses", [category("status-anchored", "Anchored"), category("status-orphaned", "Orphaned: not placed on this revision")]),
    ]),
  ]);
}

const kindCategory = (kind: string) => `kind-${toSlug(kind)}`;
const verdictCategory = (verdict: string) => `verdict-${toSlug(verdict)}`;
const linkVerdictCategory = (verdict: string) => `link-verdict-${toSlug(verdict)}`;
const techniqueCategory = (tag: ExportTag) => toXmlId("technique-", tag.key);
const tagCategory = (tag: ExportTag) => toXmlId("tag-", tag.key);

function taxonomy(id: string, categories: readonly string[]): XmlChild {
  return categories.length > 0 && xmlBlock("taxonomy", { "xml:id": id }, categories);
}

function category(id: string, label: string): string {
  return xmlElement("category", { "xml:id": id }, xmlElement("catDesc", {}, text(label)));
}

function uniqueTags(tags: readonly ExportTag[]): ExportTag[] {
  return [...new Map(tags.map((tag) => [tag.key, tag])).values()];
}

// ── Text ──────────────────────────────────────────────────────────────────────────────────────

function textElement(document: ExportDocument, paragraphs: readonly Paragraph[]): string {
  // xml:space="preserve": the pointers count characters, so no processor may fold this whitespace.
  const body = paragraphs.length > 0 ? paragraphs.map((paragraph, index) => xmlElement("p", { "xml:id": paragraphId(index), "xml:space": "preserve" }, text(paragraph.text))) : [xmlElement("p", {})];
  return xmlBlock("text", { "xml:id": WHOLE_TEXT_ID, "xml:lang": document.language }, [xmlBlock("body", {}, body)]);
}

// ── Stand-off annotations and links ───────────────────────────────────────────────────────────

/** `<standOff>` (with a newline before it), one annotation or link at a time; nothing when there is none. */
function* standOffParts(annotations: readonly ExportAnnotation[], links: readonly ExportLink[], context: TeiContext): Generator<string> {
  const linkNotes = links.map(linkNoteAnnotation).filter(isMarkup);
  if (annotations.length === 0 && linkNotes.length === 0 && links.length === 0) return;
  yield `\n${openTag("standOff", {})}`;
  if (annotations.length > 0) {
    yield `\n${openTag("listAnnotation", { type: "annotations" })}`;
    for (const annotation of annotations) yield `\n${annotationElement(annotation, context)}`;
    yield "\n</listAnnotation>";
  }
  if (linkNotes.length > 0) yield `\n${xmlBlock("listAnnotation", { type: "link-notes" }, linkNotes)}`;
  if (links.length > 0) {
    yield `\n${openTag("linkGrp", { type: "annotation-links" })}`;
    for (const link of links) yield `\n${linkElement(link, context)}`;
    yield "\n</linkGrp>";
  }
  yield "\n</standOff>";
}

function annotationElement(annotation: ExportAnnotation, context: TeiContext): string {
  const pointers = teiPointersFor(annotation, context.document.text, context.paragraphs, context.toCodePoint);
  const placed = pointers.length > 0;
  const ana = [
    `#${kindCategory(annotation.kind)}`,
    annotation.verdict && `#${verdictCategory(annotation.verdict)}`,
    annotation.technique && `#${techniqueCategory(annotation.technique)}`,
    ...annotation.tags.map((tag) => `#${tagCategory(tag)}`),
    `#status-${placed ? "anchored" : "orphaned"}`,
  ].filter(isMarkup);
  return xmlBlock(
    "annotation",
    {
      "xml:id": annotationId(annotation.id),
      target: placed ? pointers.join(" ") : `#${WHOLE_TEXT_ID}`,
      motivation: motivationFor(annotation),
      ana: ana.join(" "),
      resp: personRef(annotation.author),
    },
    [
      revisionDesc(annotation.createdAt, annotation.updatedAt),
      xmlElement("note", { type: "quote" }, text(annotation.exact)),
      annotation.confidence !== null && xmlElement("note", { type: "confidence" }, String(annotation.confidence)),
      annotation.note.trim() !== "" && xmlElement("note", { type: "comment" }, text(annotation.note)),
      ...annotation.replies.map((reply) => xmlElement("note", { type: "reply", resp: personRef(reply.author) }, xmlElement("date", { when: reply.createdAt }), text(reply.body))),
    ],
  );
}

function revisionDesc(createdAt: string, updatedAt: string | null): string {
  return xmlBlock("revisionDesc", {}, [
    xmlElement("change", { status: "created", when: createdAt }),
    updatedAt !== null && updatedAt !== createdAt && xmlElement("change", { status: "modified", when: updatedAt }),
  ]);
}

function linkElement(link: ExportLink, context: TeiContext): string {
  const end = (id: string) => (context.ownIds.has(id) ? `#${annotationId(id)}` : `${context.foreignBase}${encodeURIComponent(id)}`);
  return xmlElement("link", {
    "xml:id": linkId(link.id),
    type: toSlug(link.type),
    target: `${end(link.sourceAnnotationId)} ${end(link.targetAnnotationId)}`,
    ana: link.verdict ? `#${linkVerdictCategory(link.verdict)}` : null,
    resp: personRef(link.author),
  });
}

/** A link's note and verdict rationale, which `<link>` (an empty element) cannot hold. */
function linkNoteAnnotation(link: ExportLink): string | null {
  const hasNote = link.note.trim() !== "";
  const hasRationale = link.verdictRationale.trim() !== "";
  if (!hasNote && !hasRationale) return null;
  return xmlBlock("annotation", { "xml:id": toXmlId("ln-", link.id), target: `#${linkId(link.id)}`, motivation: "commenting", resp: personRef(link.author) }, [
    revisionDesc(link.createdAt, null),
    hasNote && xmlElement("note", { type: "comment" }, text(link.note)),
    hasRationale && xmlElement("note", { type: "verdictRationale", resp: link.verdictBy ? personRef(link.verdictBy) : null }, text(link.verdictRationale)),
  ]);
}
