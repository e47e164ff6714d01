import { z } from "zod";
import { ANNOTATION_KINDS } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICTS } from "../vocabulary/claim-verdict";
import { SOURCE_KINDS } from "../vocabulary/source-kind";
import { parseInput } from "./parse-input";
import { MAX_QUERY_LENGTH } from "../search/parse-search-query";

export const SEARCH_SCOPES = ["all", "text", "annotations"] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];
export const SEARCH_PAGE_SIZE = 20;

const id = z.string().min(1).max(64);
/** A year, a month or a day: "1925", "1925-12", "1925-12-18". */
const dateBound = z.string().regex(/^\d{1,4}(-\d{2}(-\d{2})?)?$/, "Dates are written YYYY, YYYY-MM or YYYY-MM-DD.");

/**
 * A search of a workspace: the query (see lib/search/parse-search-query.ts) and the facets that
 * narrow it. Document facets: source kind, language, an author of the document, a date range
 * (the document's date). Annotation facets (which leave only annotations, replies and links):
 * kind, technique, verdict, custom tag, the annotation's author.
 */
export const searchRequestSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH, `A search can be at most ${MAX_QUERY_LENGTH} characters long.`).default(""),
    scope: z.enum(SEARCH_SCOPES, { error: "Search in all, text or annotations." }).default("all"),
    page: z.coerce.number({ error: "Pages are numbered 1, 2, 3 …" }).int("Pages are numbered 1, 2, 3 …").min(1, "Pages are numbered 1, 2, 3 …").max(500, "Narrow the search to see results past page 500.").default(1),
    documentId: id.optional(),
    sourceKind: z.enum(SOURCE_KINDS, { error: "Unknown source kind." }).optional(),
    language: z.string().max(35).optional(),
    documentAuthor: z.string().max(200).optional(),
    from: dateBound.optional(),
    to: dateBound.optional(),
    kind: z.enum(ANNOTATION_KINDS, { error: "Unknown annotation kind." }).optional(),
    techniqueId: id.optional(),
    verdict: z.enum(CLAIM_VERDICTS, { error: "Unknown verdict." }).optional(),
    tagId: id.optional(),
    authorId: id.optional(),
  })
  .refine((s) => !s.from || !s.to || dayKey(s.from, "start") <= dayKey(s.to, "end"), { message: "The date range ends before it starts.", path: ["to"] });

export type SearchRequest = z.output<typeof searchRequestSchema>;

/** A date bound as a day key (YYYYMMDD, as Document.dateSortKey): the first or last day it allows. */
export function dayKey(bound: string, side: "start" | "end"): number {
  const [year = "0", month, day] = bound.split("-");
  const y = Number(year) * 10000;
  if (side === "start") return y + Number(month ?? 0) * 100 + Number(day ?? 0);
  return y + Number(month ?? 12) * 100 + Number(day ?? 31);
}

/** The URL parameters of the search page and `GET /api/workspaces/:id/search`; empty values mean "any". */
export const SEARCH_PARAMETERS = {
  q: "q",
  scope: "scope",
  page: "page",
  documentId: "document",
  sourceKind: "source",
  language: "language",
  documentAuthor: "docAuthor",
  from: "from",
  to: "to",
  kind: "kind",
  techniqueId: "technique",
  verdict: "verdict",
  tagId: "tag",
  authorId: "author",
} as const satisfies Record<keyof SearchRequest, string>;

export function parseSearchParams(params: URLSearchParams): SearchRequest {
  const input: Record<string, string> = {};
  for (const [field, name] of Object.entries(SEARCH_PARAMETERS)) {
    const value = params.get(name)?.trim();
    if (value) input[field] = value;
  }
  return parseInput(searchRequestSchema, input);
}
