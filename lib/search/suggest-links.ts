import { visibleTo } from "../annotations/annotation-view";
import { requireAnnotationAccess } from "../annotations/require-annotation-access";
import type { DbClient } from "../db";
import { claimQuery, claimTerms, rarestTerms, type ClaimTerm } from "./claim-terms";
import { foldSearchText } from "./fold-search-text";
import { blockTextOf, describeHits, findHitRows, RANKED_CANDIDATES } from "./search-workspace";
import { searchSql } from "./search-sql";
import { currentDatabaseEngine } from "../database-engine";
import { searchPostgres } from "./search-workspace-postgres";
import { termRowCountsPostgres } from "./suggest-links-postgres";
import type { Range } from "./snippet";

export const SUGGESTION_COUNT = 5;
/** Passages ranked by BM25 before the re-ranking by sentence. */
const CANDIDATES = 25;
/** A suggested target longer than this is cut around its first hit. */
const MAX_TARGET_LENGTH = 600;

/**
 * The sentence of a block that holds most of the hits (the first, on a tie), as offsets into the
 * block's text: what a one-click link annotates.
 */
export function bestSentence(text: string, hits: readonly Range[]): Range {
  const sentences: Range[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?…]["”»)]*\s+/g)) {
    const end = match.index + match[0].length;
    sentences.push({ start, end: match.index + match[0].trimEnd().length });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  let best = sentences[0] ?? { start: 0, end: text.length };
  let bestCount = -1;
  for (const sentence of sentences) {
    const count = hits.filter((hit) => hit.start < sentence.end && hit.end > sentence.start).length;
    if (count > bestCount) [best, bestCount] = [sentence, count];
  }
  if (best.end - best.start > MAX_TARGET_LENGTH) {
    const anchor = hits.find((hit) => hit.start >= best.start && hit.start < best.end)?.start ?? best.start;
    const from = Math.max(best.start, anchor - MAX_TARGET_LENGTH / 2);
    best = { start: from, end: Math.min(best.end, from + MAX_TARGET_LENGTH) };
  }
  return best;
}

/**
 * "Passages elsewhere that may confirm or contradict it": for a claim (any annotation the actor
 * may see), the five passages of other documents of its workspace that rank best by BM25 over the
 * claim's numbers, names and distinctive words. Each comes with the words a one-click link would
 * annotate (the sentence holding most hits) and, if an annotation the actor can see already
 * covers them, that annotation, to link to instead of making another.
 */
export async function suggestLinks(db: DbClient, { actor, annotationId, limit = SUGGESTION_COUNT }: { actor: { id: string }; annotationId: string; limit?: number }) {
  const { annotation } = await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "VIEWER" });
  const terms = await distinctiveTerms(db, claimTerms(annotation.exact));
  const match = claimQuery(terms);
  const claim = { id: annotation.id, documentId: annotation.documentId, exact: annotation.exact };
  if (!match) return { claim, terms: [], suggestions: [] };

  const filters = { scope: "text", excludeDocumentId: annotation.documentId } as const;
  const rows =
    currentDatabaseEngine() === "postgresql"
      ? (await searchPostgres(db, { match, userId: actor.id, workspaceId: annotation.workspaceId, filters, limit: CANDIDATES, offset: 0 }))[0]
      : await findHitRows(db, searchSql({ match, userId: actor.id, workspaceId: annotation.workspaceId, filters }), { match, limit: CANDIDATES, offset: 0 });
  const hits = await describeHits(db, rows);
  // A block's own text, from its marked copy in the index: no revision text is read.
  const blockTextById = new Map(rows.map((row) => [Number(row.id), blockTextOf(row)]));
  const documents = await db.document.findMany({ where: { id: { in: hits.map((hit) => hit.documentId) } }, select: { id: true, title: true, dateText: true } });
  const documentById = new Map(documents.map((document) => [document.id, document]));

  // BM25 ranks whole blocks; a long block that names every term once, far apart, outranks the
  // sentence that says the same thing. Candidates are re-ranked by how many of the claim's terms
  // their best sentence holds, BM25 breaking ties.
  const candidates = [];
  for (const [rank, hit] of hits.entries()) {
    const document = documentById.get(hit.documentId);
    if (!hit.block || !document) continue;
    const blockText = blockTextById.get(hit.id) ?? "";
    const sentence = bestSentence(blockText, hit.block.hits);
    const inSentence = hit.block.hits.filter((range) => range.start < sentence.end && range.end > sentence.start).map((range) => blockText.slice(range.start, range.end));
    const inBlock = hit.block.hits.map((range) => blockText.slice(range.start, range.end));
    candidates.push({ rank, hit, document, blockText, sentence, score: termsMatched(terms, inSentence) + termsMatched(terms, inBlock) / 2 });
  }
  candidates.sort((a, b) => b.score - a.score || a.rank - b.rank);

  const suggestions = [];
  for (const { hit, document, blockText, sentence } of candidates.slice(0, limit)) {
    const block = hit.block!;
    const target = { start: block.start + sentence.start, end: block.start + sentence.end, exact: blockText.slice(sentence.start, sentence.end) };
    const covering = await db.annotation.findFirst({
      where: { AND: [visibleTo(actor.id), { documentId: hit.documentId, anchorStatus: "ANCHORED", start: { lt: target.end }, end: { gt: target.start } }] },
      orderBy: { start: "asc" },
      select: { id: true, kind: true, exact: true, start: true, end: true },
    });
    suggestions.push({ hit, document, revisionId: block.revisionId, target, existing: covering });
  }
  return { claim, terms: terms.map((term) => term.expression), suggestions };
}

/** Terms searched for: the rarest few, so a claim's common words do not make BM25 rank most of the corpus. */
const SEARCHED_TERMS = 12;

/**
 * The claim's rarest terms, by how many rows of the index hold each (one query to the fts5vocab
 * table), while the rows they hold together stay within what a search ranks in full
 * (RANKED_CANDIDATES): past it, common words cost time and, their BM25 weight near nothing, add little.
 */
async function distinctiveTerms(db: DbClient, terms: ClaimTerm[]): Promise<ClaimTerm[]> {
  if (terms.length === 0) return terms;
  if (currentDatabaseEngine() === "postgresql") return rarestTerms(terms, await termRowCountsPostgres(db, terms), SEARCHED_TERMS, RANKED_CANDIDATES);
  const params: unknown[] = [];
  // A phrase is as rare as its rarest token; a prefix counts every term it opens (an overestimate).
  const lookups = terms.map((term, index) => {
    const parts = term.tokens.map((token, t) => {
      const isPrefix = term.prefix && t === term.tokens.length - 1;
      params.push(token, ...(isPrefix ? [`${token}\u{10FFFF}`] : []));
      return isPrefix ? `(SELECT coalesce(sum(doc), 0) FROM "SearchVocab" WHERE term >= ? AND term < ?)` : `(SELECT coalesce(sum(doc), 0) FROM "SearchVocab" WHERE term = ?)`;
    });
    return `SELECT ${index} AS i, ${parts.length === 1 ? parts[0] : `min(${parts.join(", ")})`} AS n`;
  });
  const rows = await db.$queryRawUnsafe<{ i: number | bigint; n: number | bigint }[]>(lookups.join(" UNION ALL "), ...params);
  const counts: number[] = [];
  for (const row of rows) counts[Number(row.i)] = Number(row.n);
  return rarestTerms(terms, counts, SEARCHED_TERMS, RANKED_CANDIDATES);
}

/** How many different terms of the claim the words found stand for. */
function termsMatched(terms: readonly ClaimTerm[], found: readonly string[]): number {
  const stems = terms.map((term) => ({ stem: term.expression.replace(/^"|"\*?$/g, "").replace(/""/g, '"'), prefix: term.expression.endsWith("*") }));
  const matched = new Set<number>();
  for (const words of found) {
    const folded = foldSearchText(words).toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    const index = stems.findIndex(({ stem, prefix }) => (prefix ? folded.startsWith(stem.toLocaleLowerCase()) : folded === stem.toLocaleLowerCase()));
    if (index >= 0) matched.add(index);
  }
  return matched.size;
}

export type LinkSuggestions = Awaited<ReturnType<typeof suggestLinks>>;
