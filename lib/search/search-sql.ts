import { visibleToSql } from "../annotations/annotation-view";
import { dayKey, type SearchRequest } from "../validations/search";

/**
 * The FROM and WHERE of every search: the rows of the index that match an FTS5 expression, in one
 * workspace the user is a member of, that the user may see. Visibility is decided here, inside
 * the query, by the same rule as everywhere else (visibleToSql): a block of text by membership;
 * an annotation, or a reply on one, only if the annotation is visible; a link only if both ends are.
 *
 * Aliases: f the FTS5 table, e SearchEntry, d Document, a the annotation (itself, replied to, or a
 * link's source), l the link, t its target. The query starts `WITH me(id) AS (SELECT ?)`: the
 * user's id, bound once however often the visibility rule names it.
 */
export interface SearchSql {
  /** `WITH me …` */
  with: string;
  /** `FROM … WHERE …` */
  body: string;
  params: unknown[];
  /** The joins from SearchEntry `e` and the conditions on them, without the MATCH: for a query that ranks first and filters after. */
  joins: string;
  conditions: string;
  conditionParams: unknown[];
  userId: string;
}

const ME = "(SELECT id FROM me)";

export type SearchFilters = Omit<SearchRequest, "q" | "page"> & { excludeDocumentId?: string };

export function searchSql({ match, userId, workspaceId, filters }: { match: string; userId: string; workspaceId: string; filters: SearchFilters }): SearchSql {
  const where = [
    `e."workspaceId" = ?`,
    `EXISTS (SELECT 1 FROM "Membership" m WHERE m."workspaceId" = e."workspaceId" AND m."userId" = ${ME})`,
    `(e."source" = 'BLOCK' OR (a."id" IS NOT NULL AND ${visibleToSql("a", ME)}))`,
    `(e."source" <> 'LINK' OR (t."id" IS NOT NULL AND ${visibleToSql("t", ME)}))`,
  ];
  const params: unknown[] = [workspaceId];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };

  if (filters.scope === "text") add(`e."source" = 'BLOCK'`);
  if (filters.scope === "annotations") add(`e."source" <> 'BLOCK'`);
  if (filters.documentId) add(`e."documentId" = ?`, filters.documentId);
  if (filters.excludeDocumentId) add(`e."documentId" <> ?`, filters.excludeDocumentId);
  if (filters.sourceKind) add(`d."sourceKind" = ?`, filters.sourceKind);
  if (filters.language) add(`d."language" = ?`, filters.language);
  if (filters.documentAuthor) add(`EXISTS (SELECT 1 FROM json_each(d."authors") j WHERE j."value" = ?)`, filters.documentAuthor);
  // A document dated 1924–1926 is in a search for 1925: its range overlaps the one asked for.
  if (filters.from) add(`coalesce(d."dateEndKey", d."dateSortKey") >= ?`, dayKey(filters.from, "start"));
  if (filters.to) add(`d."dateSortKey" <= ?`, dayKey(filters.to, "end"));

  // Annotation facets leave blocks of text out: they describe annotations.
  if (filters.kind) add(`e."source" <> 'BLOCK' AND a."kind" = ?`, filters.kind);
  if (filters.techniqueId) add(`e."source" <> 'BLOCK' AND a."techniqueId" = ?`, filters.techniqueId);
  if (filters.verdict) add(`e."source" <> 'BLOCK' AND a."verdict" = ?`, filters.verdict);
  if (filters.authorId) add(`e."source" <> 'BLOCK' AND a."authorId" = ?`, filters.authorId);
  if (filters.tagId) add(`e."source" <> 'BLOCK' AND EXISTS (SELECT 1 FROM "AnnotationTag" g WHERE g."annotationId" = a."id" AND g."tagId" = ?)`, filters.tagId);

  const joins = `JOIN "Document" d ON d."id" = e."documentId"
      LEFT JOIN "Annotation" a ON a."id" = e."annotationId"
      LEFT JOIN "AnnotationLink" l ON e."source" = 'LINK' AND l."id" = e."refId"
      LEFT JOIN "Annotation" t ON t."id" = l."targetAnnotationId"`;
  const conditions = where.join("\n        AND ");
  return {
    with: `WITH me(id) AS (SELECT ?)`,
    body: `FROM "SearchText" f
      JOIN "SearchEntry" e ON e."id" = f.rowid
      ${joins}
      WHERE "SearchText" MATCH ? AND ${conditions}`,
    params: [userId, match, ...params],
    joins,
    conditions,
    conditionParams: params,
    userId,
  };
}
