import { visibleToSql } from "../annotations/annotation-view";
import type { DbClient } from "../db";
import { toPostgresSql } from "../postgres/postgres-sql";
import { dayKey } from "../validations/search";
import { fts5ToTsQuery } from "./fts5-to-tsquery";
import { tallyHits, type HitGroupRow, type HitRow, type SearchWanted } from "./search-workspace";
import { HIT_CLOSE, HIT_OPEN, readMarkedText } from "./snippet";

/** The visibility rule (annotation-view.ts) in PostgreSQL's dialect, for the annotation aliased `alias`; the user is $1. */
function visible(alias: string): string {
  return toPostgresSql(visibleToSql(alias, "@userId")).text;
}

/**
 * PostgreSQL's twin of the search (search-sql.ts and search-workspace.ts's findHitRows/countHits):
 * SearchEntry's tsvector "words" (GIN-indexed) @@ the query as fts5ToTsQuery reads it, in one
 * workspace the user is a member of, visibility decided in the query by the same rule; ranked by
 * ts_rank_cd, then id. Words are marked with ts_headline over the folded text, and the marks moved
 * onto the text as written (folding keeps lengths for the texts we index); the rows and counts come
 * back in the shapes the shared code (describeHits, tallyHits) reads.
 */
export async function searchPostgres(db: DbClient, { match, userId, workspaceId, filters, limit, offset }: SearchWanted) {
  const params: unknown[] = [userId, workspaceId];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [
    `e."workspaceId" = $2`,
    `EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = e."workspaceId" AND m."userId" = $1)`,
    `(e."source" = 'BLOCK' OR (a."id" IS NOT NULL AND ${visible("a")}))`,
    `(e."source" <> 'LINK' OR (t."id" IS NOT NULL AND ${visible("t")}))`,
  ];
  const query = fts5ToTsQuery(match, params.length);
  params.push(...query.params);
  where.push(`e."words" @@ q.query`);

  if (filters.scope === "text") where.push(`e."source" = 'BLOCK'`);
  if (filters.scope === "annotations") where.push(`e."source" <> 'BLOCK'`);
  if (filters.documentId) where.push(`e."documentId" = ${bind(filters.documentId)}`);
  if (filters.excludeDocumentId) where.push(`e."documentId" <> ${bind(filters.excludeDocumentId)}`);
  if (filters.sourceKind) where.push(`d."sourceKind"::text = ${bind(filters.sourceKind)}`);
  if (filters.language) where.push(`d."language" = ${bind(filters.language)}`);
  if (filters.documentAuthor) where.push(`jsonb_exists(d."authors", ${bind(filters.documentAuthor)})`);
  if (filters.from) where.push(`coalesce(d."dateEndKey", d."dateSortKey") >= ${bind(dayKey(filters.from, "start"))}`);
  if (filters.to) where.push(`d."dateSortKey" <= ${bind(dayKey(filters.to, "end"))}`);
  if (filters.kind) where.push(`e."source" <> 'BLOCK' AND a."kind"::text = ${bind(filters.kind)}`);
  if (filters.techniqueId) where.push(`e."source" <> 'BLOCK' AND a."techniqueId" = ${bind(filters.techniqueId)}`);
  if (filters.verdict) where.push(`e."source" <> 'BLOCK' AND a."verdict"::text = ${bind(filters.verdict)}`);
  if (filters.authorId) where.push(`e."source" <> 'BLOCK' AND a."authorId" = ${bind(filters.authorId)}`);
  if (filters.tagId) where.push(`e."source" <> 'BLOCK' AND EXISTS (SELECT 1 FROM "AnnotationTag" g WHERE g."annotationId" = a."id" AND g."tagId" = ${bind(filters.tagId)})`);

  const body = `FROM (SELECT ${query.sql} AS query) q, "SearchEntry" e
      JOIN "Document" d ON d."id" = e."documentId"
      LEFT JOIN "Annotation" a ON a."id" = e."annotationId"
      LEFT JOIN "AnnotationLink" l ON e."source" = 'LINK' AND l."id" = e."refId"
      LEFT JOIN "Annotation" t ON t."id" = l."targetAnnotationId"
      WHERE ${where.join("\n        AND ")}`;
  const marks = `'StartSel=' || chr(${HIT_OPEN.charCodeAt(0)}) || ', StopSel=' || chr(${HIT_CLOSE.charCodeAt(0)}) || ', HighlightAll=true'`;

  const [rows, groups, tagRows] = await Promise.all([
    db.$queryRawUnsafe<(HitRow & { markedBody: string; markedNote: string })[]>(
      `WITH page AS (SELECT e."id", ts_rank_cd(e."words", q.query) AS rank, q.query ${body} ORDER BY rank DESC, e."id" LIMIT $${params.length + 1} OFFSET $${params.length + 2})
       SELECT e."id", e."source", e."refId", e."documentId", e."annotationId", e."blockIndex", e."blockStart", e."blockEnd", e."heading", e."folds",
              e."body", e."note",
              ts_headline('simple', search_fold(e."body"), page.query, ${marks}) AS "markedBody",
              ts_headline('simple', search_fold(e."note"), page.query, ${marks}) AS "markedNote"
       FROM page JOIN "SearchEntry" e ON e."id" = page."id" ORDER BY page.rank DESC, e."id"`,
      ...params,
      limit,
      offset,
    ),
    db.$queryRawUnsafe<HitGroupRow[]>(
      `SELECT e."documentId", e."source", a."kind"::text AS kind, a."techniqueId", a."verdict"::text AS verdict, a."authorId", count(*) AS n ${body} GROUP BY 1, 2, 3, 4, 5, 6`,
      ...params,
    ),
    db.$queryRawUnsafe<{ tagId: string; n: number | bigint }[]>(
      `SELECT g."tagId", count(*) AS n FROM "AnnotationTag" g JOIN (SELECT a."id" AS "annotationId" ${body} AND e."source" <> 'BLOCK') hit ON hit."annotationId" = g."annotationId" GROUP BY g."tagId"`,
      ...params,
    ),
  ]);
  const hits: HitRow[] = rows.map(({ markedBody, markedNote, ...row }) => ({ ...row, body: moveMarks(markedBody, row.body), note: moveMarks(markedNote, row.note) }));
  return [hits, tallyHits(groups, tagRows)] as const;
}

/** The marks of a marked folded text, set on the text as written when the two have the same length. */
function moveMarks(marked: string, original: string): string {
  const { text, hits } = readMarkedText(marked);
  if (text.length !== original.length) return marked;
  let result = "";
  let from = 0;
  for (const hit of hits) {
    result += `${original.slice(from, hit.start)}${HIT_OPEN}${original.slice(hit.start, hit.end)}${HIT_CLOSE}`;
    from = hit.end;
  }
  return result + original.slice(from);
}
