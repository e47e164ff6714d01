import type { DbClient } from "../db";
import { parseInput } from "../validations/parse-input";
import { SEARCH_PAGE_SIZE, searchRequestSchema, type SearchRequest } from "../validations/search";
import { KIND_LABEL } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL } from "../vocabulary/claim-verdict";
import { SOURCE_KIND_LABEL } from "../vocabulary/source-kind";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { unfold, type Folds } from "./fold-search-text";
import { parseSearchQuery } from "./parse-search-query";
import { searchSql, type SearchFilters, type SearchSql } from "./search-sql";
import { buildSnippet, HIT_CLOSE, HIT_OPEN, readMarkedText, type Range, type Snippet } from "./snippet";

export type SearchSource = "BLOCK" | "ANNOTATION" | "REPLY" | "LINK";

interface HitRow {
  id: number | bigint;
  source: SearchSource;
  refId: string;
  documentId: string;
  annotationId: string | null;
  blockIndex: number | bigint | null;
  blockStart: number | bigint | null;
  blockEnd: number | bigint | null;
  heading: string | null;
  folds: string | null;
  body: string;
  note: string;
}

const MARKS = `char(${HIT_OPEN.charCodeAt(0)}), char(${HIT_CLOSE.charCodeAt(0)})`;

const SELECT_HITS = (page: string) => `SELECT page.id AS id, e."source" AS source, e."refId" AS refId, e."documentId" AS documentId, e."annotationId" AS annotationId,
       e."blockIndex" AS blockIndex, e."blockStart" AS blockStart, e."blockEnd" AS blockEnd, e."heading" AS heading, e."folds" AS folds,
       highlight(h."SearchText", 0, ${MARKS}) AS body, highlight(h."SearchText", 1, ${MARKS}) AS note
     FROM ${page} JOIN "SearchText" h ON h.rowid = page.id JOIN "SearchEntry" e ON e."id" = page.id
     WHERE h."SearchText" MATCH ? ORDER BY page.rank`;

/** Rows FTS5 ranks before the filters are applied, per row wanted: most rows pass the filters. */
const OVERFETCH = 4;
const MIN_WINDOW = 200;

/**
 * One page of the rows that match, best first (BM25), with their words marked. First the best
 * few hundred rows by rank alone (FTS5 ranks those without touching another table), filtered:
 * when a full page passes, it is exactly the page of the filtered ranking, since every row
 * outside the window ranks lower. Otherwise (rare words, narrow facets) the filters run on every
 * match. highlight() runs on the page's rows only.
 */
export async function findHitRows(db: DbClient, sql: SearchSql, { match, limit, offset }: { match: string; limit: number; offset: number }) {
  const window = Math.max(MIN_WINDOW, (offset + limit) * OVERFETCH);
  const windowed = await db.$queryRawUnsafe<HitRow[]>(
    `${sql.with}, ranked AS (SELECT rowid AS id, rank FROM "SearchText" WHERE "SearchText" MATCH ? ORDER BY rank LIMIT ?),
     page AS (SELECT e."id" AS id, ranked.rank AS rank FROM ranked JOIN "SearchEntry" e ON e."id" = ranked.id ${sql.joins} WHERE ${sql.conditions} ORDER BY ranked.rank LIMIT ? OFFSET ?)
     ${SELECT_HITS("page")}`,
    sql.userId,
    match,
    window,
    ...sql.conditionParams,
    limit,
    offset,
    match,
  );
  if (windowed.length === limit) return windowed;
  return db.$queryRawUnsafe<HitRow[]>(
    `${sql.with}, page AS (SELECT e."id" AS id, f.rank AS rank ${sql.body} ORDER BY f.rank LIMIT ? OFFSET ?)
     ${SELECT_HITS("page")}`,
    ...sql.params,
    limit,
    offset,
    match,
  );
}

/** A marked text's snippet over the original (unfolded) text, when the two agree in length. */
function snippetOf(marked: string, original: string | null): { snippet: Snippet; hits: Range[] } | null {
  const { text, hits } = readMarkedText(marked);
  if (!text) return null;
  const shown = original !== null && original.length === text.length ? original : text;
  return { snippet: buildSnippet(shown, hits), hits };
}

/** The words to select when a block's hit is opened: its first hit, with the hits close after it. */
function selectionOf(blockStart: number, hits: readonly Range[]): Range | null {
  const first = hits[0];
  if (!first) return null;
  let end = first.end;
  for (const hit of hits.slice(1)) {
    if (hit.start - end > 40) break;
    end = hit.end;
  }
  return { start: blockStart + first.start, end: blockStart + end };
}

const num = (value: number | bigint | null): number | null => (value === null ? null : Number(value));

/** The rows of a page with what the reader needs to see of each: snippets, the annotation, reply or link, where to open it. */
export async function describeHits(db: DbClient, rows: HitRow[]) {
  const annotationIds = [...new Set(rows.flatMap((row) => (row.annotationId ? [row.annotationId] : [])))];
  const replyIds = rows.filter((row) => row.source === "REPLY").map((row) => row.refId);
  const linkIds = rows.filter((row) => row.source === "LINK").map((row) => row.refId);
  const [annotations, replies, links] = await Promise.all([
    annotationIds.length === 0
      ? []
      : db.annotation.findMany({
          where: { id: { in: annotationIds } },
          select: {
            id: true,
            kind: true,
            exact: true,
            note: true,
            start: true,
            end: true,
            anchorStatus: true,
            verdict: true,
            technique: { select: { name: true } },
            author: { select: { name: true } },
            originalAuthorName: true,
          },
        }),
    replyIds.length === 0 ? [] : db.annotationReply.findMany({ where: { id: { in: replyIds } }, select: { id: true, body: true, author: { select: { name: true } }, originalAuthorName: true } }),
    linkIds.length === 0
      ? []
      : db.annotationLink.findMany({
          where: { id: { in: linkIds } },
          select: { id: true, type: true, note: true, verdictRationale: true, target: { select: { id: true, documentId: true, exact: true, document: { select: { title: true } } } } },
        }),
  ]);
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const linkById = new Map(links.map((l) => [l.id, l]));

  return rows.map((row) => {
    const annotation = row.annotationId ? (annotationById.get(row.annotationId) ?? null) : null;
    const reply = row.source === "REPLY" ? (replyById.get(row.refId) ?? null) : null;
    const link = row.source === "LINK" ? (linkById.get(row.refId) ?? null) : null;
    let originalBody: string | null = null;
    let originalNote: string | null = null;
    if (row.source === "BLOCK") originalBody = unfold(readMarkedText(row.body).text, row.folds ? (JSON.parse(row.folds) as Folds) : null);
    if (row.source === "ANNOTATION" && annotation) [originalBody, originalNote] = [annotation.exact, annotation.note];
    if (reply) originalBody = reply.body;
    if (link) [originalBody, originalNote] = [link.note, link.verdictRationale];
    const body = snippetOf(row.body, originalBody);
    const note = snippetOf(row.note, originalNote);
    const blockStart = num(row.blockStart);
    let select: Range | null = null;
    if (row.source === "BLOCK" && blockStart !== null && body) select = selectionOf(blockStart, body.hits);
    if (row.source === "ANNOTATION" && annotation?.anchorStatus === "ANCHORED") select = { start: annotation.start, end: annotation.end };
    return {
      id: Number(row.id),
      source: row.source,
      documentId: row.documentId,
      snippet: body?.snippet ?? null,
      noteSnippet: note && note.hits.length > 0 ? note.snippet : null,
      block: row.source === "BLOCK" ? { revisionId: row.refId, index: num(row.blockIndex)!, start: blockStart!, end: num(row.blockEnd)!, heading: row.heading, hits: body?.hits ?? [] } : null,
      select,
      annotation: annotation && {
        id: annotation.id,
        kind: annotation.kind,
        exact: annotation.exact,
        verdict: annotation.verdict,
        technique: annotation.technique?.name ?? null,
        author: annotation.originalAuthorName ?? annotation.author.name,
        anchored: annotation.anchorStatus === "ANCHORED",
      },
      reply: reply && { id: reply.id, author: reply.originalAuthorName ?? reply.author.name },
      link: link && { id: link.id, type: link.type, target: { id: link.target.id, documentId: link.target.documentId, exact: link.target.exact, documentTitle: link.target.document.title } },
    };
  });
}

export type SearchHit = Awaited<ReturnType<typeof describeHits>>[number];

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

const FACET_LIMIT = 30;

function facet(counts: Map<string, number>, label: (value: string) => string = (value) => value): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, label: label(value), count }))
    .sort((x, y) => y.count - x.count || x.label.localeCompare(y.label))
    .slice(0, FACET_LIMIT);
}

function bump(counts: Map<string, number>, key: string | null | undefined, by: number) {
  if (key === null || key === undefined || key === "") return;
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** How many rows match in all, per document, and per value of each facet (under the facets already chosen). */
async function countHits(db: DbClient, sql: SearchSql) {
  const [groups, tagRows] = await Promise.all([
    db.$queryRawUnsafe<{ documentId: string; source: SearchSource; kind: string | null; techniqueId: string | null; verdict: string | null; authorId: string | null; n: number | bigint }[]>(
      `${sql.with} SELECT e."documentId" AS documentId, e."source" AS source, a."kind" AS kind, a."techniqueId" AS techniqueId, a."verdict" AS verdict, a."authorId" AS authorId, count(*) AS n
       ${sql.body} GROUP BY 1, 2, 3, 4, 5, 6`,
      ...sql.params,
    ),
    db.$queryRawUnsafe<{ tagId: string; n: number | bigint }[]>(
      `SELECT g."tagId" AS tagId, count(*) AS n FROM "AnnotationTag" g
       JOIN (${sql.with} SELECT a."id" AS annotationId ${sql.body} AND e."source" <> 'BLOCK') hit ON hit.annotationId = g."annotationId"
       GROUP BY g."tagId"`,
      ...sql.params,
    ),
  ]);
  const perDocument = new Map<string, number>();
  const kinds = new Map<string, number>();
  const techniques = new Map<string, number>();
  const verdicts = new Map<string, number>();
  const authors = new Map<string, number>();
  const sources = new Map<string, number>();
  let total = 0;
  for (const group of groups) {
    const n = Number(group.n);
    total += n;
    bump(perDocument, group.documentId, n);
    bump(sources, group.source, n);
    if (group.source === "BLOCK") continue;
    bump(kinds, group.kind, n);
    bump(techniques, group.techniqueId, n);
    bump(verdicts, group.verdict, n);
    bump(authors, group.authorId, n);
  }
  const tags = new Map(tagRows.map((row) => [row.tagId, Number(row.n)]));
  return { total, perDocument, kinds, techniques, verdicts, authors, sources, tags };
}

/** A facet value (a string from SQL) by its label; one the vocabulary does not know shows as itself. */
const labelFrom = (labels: Readonly<Record<string, string>>) => (value: string) => labels[value] ?? value;

/**
 * Searches a workspace's texts, annotations, replies and links for what the user may see. Any
 * member. Results are ranked rows (20 a page) grouped by document, with counts and facets.
 */
export async function searchWorkspace(db: DbClient, { actor, workspaceId, input }: { actor: { id: string }; workspaceId: string; input: unknown }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const request: SearchRequest = parseInput(searchRequestSchema, input);
  const { q, page, ...filters } = request;
  const parsed = parseSearchQuery(q);
  const empty = {
    query: { q, terms: parsed.terms, problem: parsed.problem },
    request,
    total: 0,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: 0,
    groups: [] as { document: DocumentSummary; total: number; hits: SearchHit[] }[],
    facets: null as SearchFacets | null,
  };
  if (!parsed.match) return empty;

  const sql = searchSql({ match: parsed.match, userId: actor.id, workspaceId, filters: filters satisfies SearchFilters });
  const [rows, counts] = await Promise.all([findHitRows(db, sql, { match: parsed.match, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE }), countHits(db, sql)]);
  const hits = await describeHits(db, rows);

  const documents = await db.document.findMany({
    where: { id: { in: [...counts.perDocument.keys()] }, workspaceId },
    select: { id: true, title: true, dateText: true, dateSortKey: true, sourceKind: true, genre: true, language: true, authors: true },
  });
  const documentById = new Map(documents.map((document) => [document.id, toDocumentSummary(document)]));
  const groups: { document: DocumentSummary; total: number; hits: SearchHit[] }[] = [];
  for (const hit of hits) {
    const document = documentById.get(hit.documentId);
    if (!document) continue;
    let group = groups.find((g) => g.document.id === hit.documentId);
    if (!group) {
      group = { document, total: counts.perDocument.get(hit.documentId) ?? 0, hits: [] };
      groups.push(group);
    }
    group.hits.push(hit);
  }

  const sourceKinds = new Map<string, number>();
  const languages = new Map<string, number>();
  const documentAuthors = new Map<string, number>();
  const years = new Map<string, number>();
  for (const [documentId, n] of counts.perDocument) {
    const document = documentById.get(documentId);
    if (!document) continue;
    bump(sourceKinds, document.sourceKind, n);
    bump(languages, document.language, n);
    for (const author of document.authors) bump(documentAuthors, author, n);
    if (document.year !== null) bump(years, String(document.year), n);
  }
  const tagIds = [...counts.techniques.keys(), ...counts.tags.keys()];
  const [tagNames, people] = await Promise.all([
    tagIds.length === 0 ? [] : db.tag.findMany({ where: { id: { in: tagIds }, workspaceId }, select: { id: true, name: true } }),
    counts.authors.size === 0 ? [] : db.user.findMany({ where: { id: { in: [...counts.authors.keys()] } }, select: { id: true, name: true } }),
  ]);
  const tagName = new Map(tagNames.map((tag) => [tag.id, tag.name]));
  const personName = new Map(people.map((person) => [person.id, person.name]));
  const facets: SearchFacets = {
    sources: facet(counts.sources, (value) => SOURCE_LABEL[value as SearchSource] ?? value),
    sourceKind: facet(sourceKinds, labelFrom(SOURCE_KIND_LABEL)),
    language: facet(languages),
    documentAuthor: facet(documentAuthors),
    year: facet(years).sort((x, y) => x.value.localeCompare(y.value)),
    kind: facet(counts.kinds, labelFrom(KIND_LABEL)),
    techniqueId: facet(counts.techniques, (value) => tagName.get(value) ?? "Unknown technique"),
    verdict: facet(counts.verdicts, labelFrom(CLAIM_VERDICT_LABEL)),
    tagId: facet(counts.tags, (value) => tagName.get(value) ?? "Unknown tag"),
    authorId: facet(counts.authors, (value) => personName.get(value) ?? "Someone"),
  };
  return { ...empty, total: counts.total, pageCount: Math.ceil(counts.total / SEARCH_PAGE_SIZE), groups, facets };
}

export const SOURCE_LABEL: Record<SearchSource, string> = { BLOCK: "Text", ANNOTATION: "Annotation", REPLY: "Reply", LINK: "Link" };

export interface SearchFacets {
  sources: FacetValue[];
  sourceKind: FacetValue[];
  language: FacetValue[];
  documentAuthor: FacetValue[];
  year: FacetValue[];
  kind: FacetValue[];
  techniqueId: FacetValue[];
  verdict: FacetValue[];
  tagId: FacetValue[];
  authorId: FacetValue[];
}

interface DocumentRow {
  id: string;
  title: string;
  dateText: string | null;
  dateSortKey: number | null;
  sourceKind: string | null;
  genre: string | null;
  language: string | null;
  authors: unknown;
}

function toDocumentSummary(row: DocumentRow) {
  return {
    id: row.id,
    title: row.title,
    dateText: row.dateText,
    year: row.dateSortKey === null ? null : Math.floor(row.dateSortKey / 10000),
    sourceKind: row.sourceKind,
    genre: row.genre,
    language: row.language,
    authors: Array.isArray(row.authors) ? row.authors.filter((author): author is string => typeof author === "string") : [],
  };
}

export type DocumentSummary = ReturnType<typeof toDocumentSummary>;
export type SearchResult = Awaited<ReturnType<typeof searchWorkspace>>;
