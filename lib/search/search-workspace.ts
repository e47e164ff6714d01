import { toPostgresSql } from "../postgres/postgres-sql";
import type { DbClient } from "../db";
import { pageAt, pagesOfSpan, readPageBreaks, type PageBreak } from "../documents/page-breaks";
import { parseInput } from "../validations/parse-input";
import { SEARCH_PAGE_SIZE, searchRequestSchema, type SearchRequest } from "../validations/search";
import { KIND_LABEL } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL } from "../vocabulary/claim-verdict";
import { SOURCE_KIND_LABEL } from "../vocabulary/source-kind";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { unfold, type Folds } from "./fold-search-text";
import { parseSearchQuery } from "./parse-search-query";
import { searchSql, type SearchFilters, type SearchSql } from "./search-sql";
import { currentDatabaseEngine } from "../database-engine";
import { searchPostgres } from "./search-workspace-postgres";
import { buildSnippet, HIT_CLOSE, HIT_OPEN, readMarkedText, type Range, type Snippet } from "./snippet";

export type SearchSource = "BLOCK" | "ANNOTATION" | "REPLY" | "LINK";

export interface HitRow {
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

const HIT_COLUMNS = `e."source" AS source, e."refId" AS refId, e."documentId" AS documentId, e."annotationId" AS annotationId,
       e."blockIndex" AS blockIndex, e."blockStart" AS blockStart, e."blockEnd" AS blockEnd, e."heading" AS heading, e."folds" AS folds,
       highlight(h."SearchText", 0, ${MARKS}) AS body, highlight(h."SearchText", 1, ${MARKS}) AS note`;

/** Rows FTS5 ranks before the filters are applied, per row wanted: most rows pass the filters. */
const OVERFETCH = 4;
const MIN_WINDOW = 200;

/**
 * The most matches ranked by BM25. Ranking costs about a microsecond per matching row, so a word
 * found in 100,000 blocks costs ~100 ms to rank in full; beyond this many matches, a search ranks
 * the most recently indexed ones (rowids increase with every write) and finds its page among those.
 */
export const RANKED_CANDIDATES = 10_000;

/**
 * The lowest rowid a search ranks: 0 (all) when at most RANKED_CANDIDATES rows match, else the
 * rowid of the RANKED_CANDIDATES-th match counted from the newest. FTS5 walks its index in rowid
 * order without scoring, so finding it costs a few milliseconds where ranking every match costs a hundred.
 */
export async function rankedRowidFloor(db: DbClient, match: string, rankedCandidates = RANKED_CANDIDATES): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT rowid AS id FROM "SearchText" WHERE "SearchText" MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
    match,
    Math.max(0, rankedCandidates - 1),
  );
  return rows[0] ? Number(rows[0].id) : 0;
}

/**
 * One page of the rows that match, best first (BM25), with their words marked. First the best
 * few hundred rows by rank alone (FTS5 ranks those without touching another table), filtered:
 * when a full page passes, it is exactly the page of the filtered ranking, since every row
 * outside the window ranks lower. Otherwise (rare words, narrow facets) the filters run on every
 * match. A query matching more than RANKED_CANDIDATES rows is ranked over the newest of them
 * (rankedRowidFloor): `ORDER BY bm25(…)` with a rowid bound, since FTS5's `ORDER BY rank` plan
 * ranks every match whatever the bound. `ranked CROSS JOIN` keeps SQLite from reading the window the
 * other way round (every SearchEntry of a source, probing the window for each: 200 ms on 100,000
 * blocks). highlight() then runs on the page's rows only.
 */
export async function findHitRows(
  db: DbClient,
  sql: SearchSql,
  { match, limit, offset, rankedCandidates }: { match: string; limit: number; offset: number; /** RANKED_CANDIDATES unless given (tests). */ rankedCandidates?: number },
): Promise<HitRow[]> {
  const floor = await rankedRowidFloor(db, match, rankedCandidates);
  const window = Math.max(MIN_WINDOW, (offset + limit) * OVERFETCH);
  let page = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    `${sql.with}, ranked AS (SELECT rowid AS id, bm25("SearchText") AS rank FROM "SearchText" WHERE "SearchText" MATCH ? AND rowid >= ? ORDER BY bm25("SearchText") LIMIT ?)
     SELECT e."id" AS id FROM ranked CROSS JOIN "SearchEntry" e ON e."id" = ranked.id ${sql.joins} WHERE ${sql.conditions} ORDER BY ranked.rank LIMIT ? OFFSET ?`,
    sql.userId,
    match,
    floor,
    window,
    ...sql.conditionParams,
    limit,
    offset,
  );
  if (page.length < limit) {
    page = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
      `${sql.with} SELECT e."id" AS id ${sql.body} AND f.rowid >= ? ORDER BY bm25(f."SearchText") LIMIT ? OFFSET ?`,
      ...sql.params,
      floor,
      limit,
      offset,
    );
  }
  return highlightRows(db, match, page.map((row) => Number(row.id)));
}

/**
 * The rows `ids` (a page, best first) with their words marked. highlight() needs the MATCH in the
 * same query. Looked up row by row (`rowid = ?`), FTS5 opens the query again for each: cheap for
 * words, dear for a prefix (each opening merges every term it covers). A query with a prefix is
 * therefore run once over the page's rowid range, its rows picked by a condition FTS5 does not see.
 */
async function highlightRows(db: DbClient, match: string, ids: number[]): Promise<HitRow[]> {
  if (ids.length === 0) return [];
  const list = ids.join(", ");
  const rows = match.includes("*")
    ? await db.$queryRawUnsafe<HitRow[]>(
        `SELECT h.rowid AS id, ${HIT_COLUMNS} FROM "SearchText" h JOIN "SearchEntry" e ON e."id" = h.rowid
         WHERE h."SearchText" MATCH ? AND h.rowid BETWEEN ? AND ? AND (h.rowid + 0) IN (${list})`,
        match,
        Math.min(...ids),
        Math.max(...ids),
      )
    : await db.$queryRawUnsafe<HitRow[]>(
        `WITH page(id) AS (VALUES ${ids.map((id) => `(${id})`).join(", ")})
         SELECT page.id AS id, ${HIT_COLUMNS} FROM page JOIN "SearchText" h ON h.rowid = page.id JOIN "SearchEntry" e ON e."id" = page.id
         WHERE h."SearchText" MATCH ?`,
        match,
      );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A block's text as the document has it (unfolded), from its row of the index. */
export function blockTextOf(row: Pick<HitRow, "body" | "folds">): string {
  return unfold(readMarkedText(row.body).text, row.folds ? (JSON.parse(row.folds) as Folds) : null);
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

/**
 * The page breaks of the revisions a page of hits points into: a block's revision, an anchored
 * annotation's. Only revisions that have pages are read in full.
 */
async function revisionPageBreaks(db: DbClient, rows: readonly HitRow[]): Promise<Map<string, PageBreak[]>> {
  const blockRevisions = rows.filter((row) => row.source === "BLOCK").map((row) => row.refId);
  const annotationIds = rows.flatMap((row) => (row.source === "ANNOTATION" && row.annotationId ? [row.annotationId] : []));
  if (blockRevisions.length === 0 && annotationIds.length === 0) return new Map();
  const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ") || "NULL";
  const sql = `SELECT r."id" AS id, r."pageBreaks" AS pageBreaks FROM "DocumentRevision" r
     WHERE (r."id" IN (${placeholders(blockRevisions.length)}) OR r."id" IN (SELECT a."anchorRevisionId" FROM "Annotation" a WHERE a."id" IN (${placeholders(annotationIds.length)})))
       AND r."pageBreaks" <> '[]'`;
  // The same SQL on PostgreSQL, its parameters numbered and its alias quoted (jsonb compares with '[]' too).
  const revisions = await db.$queryRawUnsafe<{ id: string; pageBreaks: unknown }[]>(
    currentDatabaseEngine() === "postgresql" ? toPostgresSql(sql).text : sql,
    ...blockRevisions,
    ...annotationIds,
  );
  return new Map(revisions.map((revision) => [revision.id, readPageBreaks(parseJsonText(revision.pageBreaks), Number.MAX_SAFE_INTEGER)]));
}

/** A JSON column as a raw query returns it: text, or (some driver versions) already parsed. */
function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

/** The rows of a page with what the reader needs to see of each: snippets, the annotation, reply or link, where to open it. */
export async function describeHits(db: DbClient, rows: HitRow[]) {
  const annotationIds = [...new Set(rows.flatMap((row) => (row.annotationId ? [row.annotationId] : [])))];
  const replyIds = rows.filter((row) => row.source === "REPLY").map((row) => row.refId);
  const linkIds = rows.filter((row) => row.source === "LINK").map((row) => row.refId);
  const [annotations, replies, links, pageBreaks] = await Promise.all([
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
            anchorRevisionId: true,
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
    revisionPageBreaks(db, rows),
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
    if (row.source === "BLOCK") originalBody = blockTextOf(row);
    if (row.source === "ANNOTATION" && annotation) [originalBody, originalNote] = [annotation.exact, annotation.note];
    if (reply) originalBody = reply.body;
    if (link) [originalBody, originalNote] = [link.note, link.verdictRationale];
    const body = snippetOf(row.body, originalBody);
    const note = snippetOf(row.note, originalNote);
    const blockStart = num(row.blockStart);
    let select: Range | null = null;
    if (row.source === "BLOCK" && blockStart !== null && body) select = selectionOf(blockStart, body.hits);
    if (row.source === "ANNOTATION" && annotation?.anchorStatus === "ANCHORED") select = { start: annotation.start, end: annotation.end };
    let page: string | null = null;
    if (select && row.source === "BLOCK") page = pagesOfSpan(pageBreaks.get(row.refId) ?? [], select.start, select.end);
    else if (row.source === "BLOCK" && blockStart !== null) page = pageAt(pageBreaks.get(row.refId) ?? [], blockStart);
    else if (annotation?.anchorStatus === "ANCHORED") page = pagesOfSpan(pageBreaks.get(annotation.anchorRevisionId) ?? [], annotation.start, annotation.end);
    return {
      id: Number(row.id),
      source: row.source,
      documentId: row.documentId,
      /** The page or pages of the source the hit is on ("12", "12–13"), for texts with pages. */
      page,
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
    db.$queryRawUnsafe<HitGroupRow[]>(
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
  return tallyHits(groups, tagRows);
}

export type HitGroupRow = { documentId: string; source: SearchSource; kind: string | null; techniqueId: string | null; verdict: string | null; authorId: string | null; n: number | bigint };

/** The counts and facets of the matching rows, grouped by document, source and annotation facets (both engines). */
export function tallyHits(groups: HitGroupRow[], tagRows: { tagId: string; n: number | bigint }[]) {
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

  const wanted = { match: parsed.match, userId: actor.id, workspaceId, filters: filters satisfies SearchFilters, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE };
  const [rows, counts] = currentDatabaseEngine() === "postgresql" ? await searchPostgres(db, wanted) : await searchSqlite(db, wanted);
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

async function searchSqlite(db: DbClient, { match, userId, workspaceId, filters, limit, offset }: SearchWanted) {
  const sql = searchSql({ match, userId, workspaceId, filters });
  return Promise.all([findHitRows(db, sql, { match, limit, offset }), countHits(db, sql)]);
}

export interface SearchWanted {
  match: string;
  userId: string;
  workspaceId: string;
  filters: SearchFilters;
  limit: number;
  offset: number;
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
