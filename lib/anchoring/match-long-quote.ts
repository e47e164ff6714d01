import search from "approx-string-match";
import { editDistance } from "./edit-distance";

/** Characters at each end of a long quote that are searched for. */
const END_LENGTH = 64;
/** Places where the quote's opening is found that are followed up, nearest the hint first. */
const MAX_OPENINGS = 8;

export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Approximate matches of a long quote within text.slice(lo, hi), without running the full-length
 * pattern over the window (its cost grows with length × errors): find the quote's first 64
 * characters, then its last 64 after them such that the span is within ±25% of the quote's length,
 * and then measure the whole span against the quote. `errors` is the span's edit distance from the
 * quote (or an upper bound on it) and is at most `maxErrors`; spans that cannot be shown to be that
 * close are dropped.
 */
export function matchLongQuote(text: string, exact: string, lo: number, hi: number, maxErrors: number, hint: number): QuoteMatch[] {
  const endErrors = Math.floor((END_LENGTH * maxErrors) / exact.length);
  const opening = exact.slice(0, END_LENGTH);
  const closing = exact.slice(-END_LENGTH);
  const openings = search(text.slice(lo, hi), opening, endErrors)
    .map((m) => ({ start: lo + m.start, end: lo + m.end }))
    .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_OPENINGS);
  const matches: QuoteMatch[] = [];
  for (const head of openings) {
    const minEnd = head.start + Math.ceil(0.75 * exact.length);
    const maxEnd = Math.min(hi, head.start + Math.floor(1.25 * exact.length));
    const from = Math.max(head.end, minEnd - END_LENGTH - endErrors);
    if (maxEnd <= from) continue;
    let end = -1;
    for (const m of search(text.slice(from, maxEnd), closing, endErrors)) {
      const candidateEnd = from + m.end;
      if (candidateEnd < minEnd) continue;
      if (end < 0 || Math.abs(candidateEnd - head.start - exact.length) < Math.abs(end - head.start - exact.length)) end = candidateEnd;
    }
    if (end < 0) continue;
    const errors = editDistance(exact, text.slice(head.start, end), maxErrors);
    if (errors !== undefined) matches.push({ start: head.start, end, errors });
  }
  return matches;
}
