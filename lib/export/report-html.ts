import { groupInto } from "../group-by";
import { indexDocuments, locateInCodePoints, type IndexedDocument } from "./document-index";
import { CLAIM_VERDICT_LABEL } from "../vocabulary/claim-verdict";
import { CONTRADICTION_VERDICT_LABEL } from "../vocabulary/contradiction-verdict";
import { sourceKindPhrase } from "../vocabulary/source-kind";
import { linkRelation, toSlug } from "./export-labels";
import { creditedName, type ExportAnnotation, type ExportDocument, type ExportLink, type ExportSet } from "./export-model";
import { formatCitation } from "./format-citation";
import { escapeHtml } from "./html-escape";
import { REPORT_CSS } from "./report-styles";
import { toXmlId } from "./xml-id";

export interface ReportOptions {
  /** The export's clock: the "generated" line. */
  now: Date;
}

/**
 * A readable, printable report of the set (the browser's "Print to PDF" makes the PDF): per
 * document, a citation line, its claims with verdicts, its bias markers grouped by technique, the
 * contradictions it takes part in with both quotes and each quote's citation, then its other links
 * and custom annotations. One self-contained file: inline CSS, no scripts, nothing fetched. Every
 * piece of user text goes through escapeHtml.
 */
export function buildReportHtml(set: ExportSet, options: ReportOptions): string {
  return [...reportHtmlParts(set, options)].join("");
}

/**
 * The same report in pieces, in order (their concatenation is buildReportHtml's string): an item at
 * a time, so an export can hand each piece on as it is made and give the event loop a turn between
 * pieces (export-stream.ts) instead of building a large set's report in one block.
 */
export function* reportHtmlParts(set: ExportSet, options: ReportOptions): Generator<string> {
  const context: ReportContext = { documents: indexDocuments(set.documents), annotations: new Map(), byDocument: new Map() };
  // Quotes are looked up by id only for the ends of links (pairs may cross documents).
  const linkEnds = new Set(set.links.flatMap((link) => [link.sourceAnnotationId, link.targetAnnotationId]));
  // Indexed a slice at a time, with an empty piece after each: a consumer may pause there.
  for (let from = 0; from < set.annotations.length; from += INDEX_SLICE) {
    const slice = set.annotations.slice(from, from + INDEX_SLICE);
    groupInto(context.byDocument, slice, (annotation) => annotation.documentId);
    for (const annotation of slice) if (linkEnds.has(annotation.id)) context.annotations.set(annotation.id, annotation);
    yield "";
  }
  const title = `${set.workspace.name}: source-criticism report`;
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(set.workspace.name)}</h1>
<p class="subtitle">Source-criticism report, generated <time datetime="${options.now.toISOString()}">${formatDateTime(options.now)}</time></p>
<p class="summary">${count(set.documents.length, "document")} · ${count(set.annotations.length, "annotation")} · ${count(set.links.length, "link")}</p>
${tableOfContents(set.documents)}
</header>
<main>
`;
  for (const [index, document] of set.documents.entries()) {
    if (index > 0) yield "\n";
    yield* documentSection(document, set, context);
  }
  yield `
</main>
<footer>Exported from the source-criticism workbench. Quotes are exact; offsets and full metadata are in the CSV, JSON-LD and TEI exports.</footer>
</body>
</html>
`;
}

/** A run of markup: a finished string, or pieces still to be made. */
type Parts = string | Iterable<string>;

/** `parts` with `separator` between them, empty ones left out, pieces passed on as they come. */
function* joined(parts: readonly (Parts | null)[], separator: string): Generator<string> {
  let first = true;
  for (const part of parts) {
    if (part === null || part === "") continue;
    if (!first) yield separator;
    first = false;
    if (typeof part === "string") yield part;
    else yield* part;
  }
}

/** Annotations indexed between two pauses (see reportHtmlParts). */
const INDEX_SLICE = 5_000;

interface ReportContext {
  documents: Map<string, IndexedDocument>;
  annotations: Map<string, ExportAnnotation>;
  byDocument: Map<string, ExportAnnotation[]>;
}

const documentAnchor = (document: ExportDocument) => toXmlId("doc-", document.id);

function tableOfContents(documents: readonly ExportDocument[]): string {
  if (documents.length < 2) return "";
  const entries = documents.map((document) => `<li><a href="#${documentAnchor(document)}">${escapeHtml(document.title)}</a></li>`);
  return `<nav class="toc" aria-label="Documents"><ol>${entries.join("")}</ol></nav>`;
}

function* documentSection(document: ExportDocument, set: ExportSet, context: ReportContext): Generator<string> {
  const indexed = context.documents.get(document.id);
  const annotations = inTextOrder(context.byDocument.get(document.id) ?? [], indexed);
  yield "";
  const ownIds = new Set(annotations.map((annotation) => annotation.id));
  const links = set.links.filter((link) => ownIds.has(link.sourceAnnotationId) || ownIds.has(link.targetAnnotationId));
  const contradictions = links.filter((link) => link.type === "CONTRADICTS");
  const linkedIds = new Set(contradictions.flatMap((link) => [link.sourceAnnotationId, link.targetAnnotationId]));
  const ofKind = (kind: ExportAnnotation["kind"]) => annotations.filter((annotation) => annotation.kind === kind);

  yield `<section class="document" id="${documentAnchor(document)}">\n`;
  yield* joined(
    [
      `<h2>${escapeHtml(document.title)}</h2>`,
      `<p class="citation">${escapeHtml(formatCitation(document))}</p>`,
      metadataLine(document),
      annotations.length === 0 && links.length === 0 ? `<p class="empty">No annotations on this document.</p>` : null,
      itemsSection("Claims", ofKind("CLAIM"), document),
      biasSection(ofKind("BIAS_MARKER"), document),
      contradictionSection(contradictions, ofKind("CONTRADICTION").filter((annotation) => !linkedIds.has(annotation.id)), context),
      pairsSection("Other links", links.filter((link) => link.type !== "CONTRADICTS"), context),
      itemsSection("Other annotations", ofKind("CUSTOM"), document),
    ],
    "\n",
  );
  yield "\n</section>";
}

function metadataLine(document: ExportDocument): string {
  const parts = [
    document.sourceKind && sourceKindPhrase(document.sourceKind),
    document.genre,
    document.place,
    document.language && `language: ${document.language}`,
    document.provenance && `provenance: ${document.provenance}`,
    `transcription revision ${document.revisionNumber}`,
  ].filter((part): part is string => Boolean(part));
  const notes = document.notes.trim() !== "" ? `\n<p class="note">${escapeHtml(document.notes)}</p>` : "";
  return `<p class="meta">${parts.map(escapeHtml).join(" · ")}</p>${notes}`;
}

/** Placed annotations by position in the text; orphans (no position on this revision) last. */
function inTextOrder(annotations: ExportAnnotation[], indexed: IndexedDocument | undefined): ExportAnnotation[] {
  const position = (annotation: ExportAnnotation) => locateInCodePoints(indexed, annotation)?.start ?? Infinity;
  return annotations.map((annotation) => ({ annotation, at: position(annotation) })).sort((a, b) => a.at - b.at).map(({ annotation }) => annotation);
}

// ── Sections ──────────────────────────────────────────────────────────────────────────────────

function itemsSection(heading: string, annotations: readonly ExportAnnotation[], document: ExportDocument): Parts | null {
  if (annotations.length === 0) return null;
  return (function* () {
    yield `<section>\n<h3>${heading} (${annotations.length})</h3>\n`;
    yield* itemList(annotations, document);
    yield "\n</section>";
  })();
}

function* itemList(annotations: readonly ExportAnnotation[], document: ExportDocument): Generator<string> {
  yield `<ol class="items">`;
  for (const annotation of annotations) yield annotationItem(annotation, document);
  yield "</ol>";
}

function biasSection(markers: readonly ExportAnnotation[], document: ExportDocument): Parts | null {
  if (markers.length === 0) return null;
  const groups = new Map<string, { name: string; markers: ExportAnnotation[] }>();
  for (const marker of markers) {
    const key = marker.technique?.key ?? "";
    const group = groups.get(key) ?? { name: marker.technique?.name ?? "No technique given", markers: [] };
    group.markers.push(marker);
    groups.set(key, group);
  }
  // The most frequent technique first: what a reader of the report most wants to see.
  const ordered = [...groups.values()].sort((a, b) => b.markers.length - a.markers.length || a.name.localeCompare(b.name, "en"));
  return (function* () {
    yield `<section>\n<h3>Bias markers (${markers.length})</h3>\n`;
    yield* joined(
      ordered.map((group) =>
        (function* () {
          yield `<h4>${escapeHtml(group.name)} (${group.markers.length})</h4>\n`;
          yield* itemList(group.markers, document);
        })(),
      ),
      "\n",
    );
    yield "\n</section>";
  })();
}

function contradictionSection(links: readonly ExportLink[], unlinked: readonly ExportAnnotation[], context: ReportContext): Parts | null {
  if (links.length === 0 && unlinked.length === 0) return null;
  return (function* () {
    yield `<section>\n<h3>Contradictions (${links.length + unlinked.length})</h3>\n`;
    for (const link of links) yield pairItem(link, context);
    if (unlinked.length > 0) {
      yield `\n<h4>Marked as contradictory, not yet linked</h4>\n<ol class="items">`;
      for (const annotation of unlinked) {
        const document = context.documents.get(annotation.documentId)?.document;
        yield document ? annotationItem(annotation, document) : "";
      }
      yield "</ol>";
    }
    yield "\n</section>";
  })();
}

function pairsSection(heading: string, links: readonly ExportLink[], context: ReportContext): Parts | null {
  if (links.length === 0) return null;
  return (function* () {
    yield `<section>\n<h3>${heading} (${links.length})</h3>\n`;
    for (const link of links) yield pairItem(link, context);
    yield "\n</section>";
  })();
}

// ── Items ─────────────────────────────────────────────────────────────────────────────────────

function annotationItem(annotation: ExportAnnotation, document: ExportDocument): string {
  const kindClass = { CLAIM: "claim", BIAS_MARKER: "bias", CONTRADICTION: "contradiction", CUSTOM: "custom" }[annotation.kind];
  return `<li class="item ${kindClass}">
${quote(annotation.exact, document.language)}
${verdictLine(annotation)}${annotation.note.trim() !== "" ? `<p class="note">${escapeHtml(annotation.note)}</p>` : ""}
${byline(annotation)}${replies(annotation)}
</li>`;
}

function pairItem(link: ExportLink, context: ReportContext): string {
  const verdict = link.verdict
    ? `<p><span class="badge">${escapeHtml(CONTRADICTION_VERDICT_LABEL[link.verdict])}</span>${link.verdictBy ? ` <span class="byline">decided by ${escapeHtml(link.verdictBy.name)}</span>` : ""}</p>`
    : "";
  const rationale = link.verdictRationale.trim() !== "" ? `<p class="rationale">${escapeHtml(link.verdictRationale)}</p>` : "";
  const note = link.note.trim() !== "" ? `<p class="note">${escapeHtml(link.note)}</p>` : "";
  return `<div class="pair">
${citedQuote(link.sourceAnnotationId, context)}
<p class="relation">${escapeHtml(linkRelation(link.type))}</p>
${citedQuote(link.targetAnnotationId, context)}
${verdict}${rationale}${note}<p class="byline">Linked by ${escapeHtml(creditedName(link))}, ${escapeHtml(formatDate(link.createdAt))}</p>
</div>`;
}

/** A quote with the citation of the source it comes from, for pairs that may cross documents. */
function citedQuote(annotationId: string, context: ReportContext): string {
  const annotation = context.annotations.get(annotationId);
  const document = annotation && context.documents.get(annotation.documentId)?.document;
  if (!annotation || !document) return `<figure><p class="empty">An annotation not included in this export.</p></figure>`;
  return `<figure>
${quote(annotation.exact, document.language)}
<figcaption>${escapeHtml(formatCitation(document))}</figcaption>
</figure>`;
}

function quote(exact: string, language: string | null): string {
  const lang = language ? ` lang="${escapeHtml(language)}"` : "";
  return `<blockquote${lang}>${escapeHtml(exact)}</blockquote>`;
}

function verdictLine(annotation: ExportAnnotation): string {
  if (annotation.verdict === null && annotation.confidence === null) return "";
  const badge = annotation.verdict ? `<span class="badge verdict-${toSlug(annotation.verdict)}">${CLAIM_VERDICT_LABEL[annotation.verdict]}</span>` : "";
  const confidence = annotation.confidence !== null ? ` confidence ${annotation.confidence}%` : "";
  return `<p class="verdict">${badge}${confidence}</p>`;
}

function byline(annotation: ExportAnnotation): string {
  const parts = [
    escapeHtml(creditedName(annotation)),
    escapeHtml(formatDate(annotation.createdAt)),
    annotation.technique && annotation.kind !== "BIAS_MARKER" ? `technique: ${escapeHtml(annotation.technique.name)}` : null,
    annotation.tags.length > 0 ? `tags: ${annotation.tags.map((tag) => escapeHtml(tag.name)).join(", ")}` : null,
    annotation.visibility === "PRIVATE" ? "private" : null,
    annotation.anchorStatus === "ORPHANED" ? `<span class="orphan">not placed on the current revision of the text</span>` : null,
  ].filter((part): part is string => part !== null);
  return `<p class="byline">${parts.join(" · ")}</p>`;
}

function replies(annotation: ExportAnnotation): string {
  if (annotation.replies.length === 0) return "";
  const items = annotation.replies.map((reply) => `<li><strong>${escapeHtml(creditedName(reply))}</strong> (${escapeHtml(formatDate(reply.createdAt))}): ${escapeHtml(reply.body)}</li>`);
  return `\n<ul class="replies">${items.join("")}</ul>`;
}

// ── Formatting ────────────────────────────────────────────────────────────────────────────────

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2 January 2025", in UTC: the same on every server, whatever its locale or time zone. */
function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function formatDateTime(date: Date): string {
  return `${formatDate(date.toISOString())}, ${date.toISOString().slice(11, 16)} UTC`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
