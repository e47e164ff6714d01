import search from "approx-string-match";
import { confineToWindow, cutsWord, type WordCuts } from "./confine-to-window";
import { contextSimilarity } from "./context-similarity";
import { editDistance } from "./edit-distance";
import { matchLongQuote, type QuoteMatch } from "./match-long-quote";
import { searchWindow } from "./search-window";
import { splitsSurrogatePair } from "./splits-surrogate-pair";
import { DEFAULT_MIN_SCORE, QUOTE_CONTEXT_LENGTH, type TextSelectors } from "./types";

export type AnchorResult =
  | { status: "exact" | "moved" | "fuzzy"; start: number; end: number; score: number }
  | { status: "orphaned"; score: number };

export interface AnchorOptions {
  /** Where the quote is expected to start (default: the position selector's start). */
  hint?: number;
  /** Characters searched either side of the hint (default: max(2000, 4 × the quote's length)). */
  window?: number;
  /** The least similarity accepted, 0–1 (default 0.75). */
  minScore?: number;
  /**
   * Where the match must lie, text.slice(lo, hi) (default: anywhere): copies of the quote are only
   * taken there; approximate matches are clipped to it, and a boundary of theirs that would cut a
   * word (where the quote's did not) moves to the word's edge inside (see confineToWindow).
   */
  within?: { lo: number; hi: number };
}

const QUOTE_WEIGHT = 0.8;
const CONTEXT_WEIGHT = 0.2;
/** Shorter quotes are too ambiguous to match approximately. */
const MIN_FUZZY_LENGTH = 4;
/** Longer quotes are matched by their ends (see match-long-quote.ts). */
const LONG_QUOTE_LENGTH = 1000;
/**
 * A match of fewer quote characters than this is a word or phrase that recurs by chance; it is
 * only taken where the context agrees too.
 */
const DISTINCTIVE_LENGTH = QUOTE_CONTEXT_LENGTH;
/**
 * Context agreement that such a short match needs. Two unrelated places in the seed corpus agree
 * on about 0.2 of their context (99.9th percentile about 0.4).
 */
const MIN_CONTEXT_AGREEMENT = 0.5;
/** The fuzzy search looks this close to the hint first, so a near match is not lost to a better one further off. */
const NEAR_RADIUS = 256;
/** Candidates scored per step, nearest the hint first; bounds work on highly repetitive text. */
const MAX_CANDIDATES = 500;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  quoteScore: number;
  contextScore: number;
  score: number;
  distance: number;
  acceptable: boolean;
}

/**
 * Finds a quote in `text`: at its stored position if the text there still reads the same
 * ("exact"); else the exact quote within the search window around the hint, chosen by agreeing
 * context, then by distance ("moved"); else — or when no exact copy there has agreeing context and
 * an approximate match scores higher — an approximate match in the window, the 256 characters
 * around the hint first ("fuzzy"); else the same quote anywhere with identical prefix and suffix, a
 * passage moved whole ("moved").
 *
 * A match must reach `minScore` on quote similarity alone and on 0.8 × quote + 0.2 × context;
 * matches of fewer than 32 quote characters must also have at least half their context agree.
 * Anything less is "orphaned", with the best score seen: an annotation is never moved onto other
 * words. Quotes under 4 characters are matched exactly only.
 */
export function anchorSelectors(text: string, selectors: TextSelectors, options: AnchorOptions = {}): AnchorResult {
  const { position, quote } = selectors;
  const { exact, prefix, suffix } = quote;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (!(minScore > 0 && minScore <= 1)) throw new RangeError(`minScore must be above 0 and at most 1; got ${minScore}.`);
  if (options.window !== undefined && !(options.window >= 0)) throw new RangeError(`window must be 0 or more; got ${options.window}.`);
  if (!exact) return { status: "orphaned", score: 0 };

  const bounds = wholeBounds(text, options.within);
  const inBounds = (from: number, to: number) => from >= bounds.lo && to <= bounds.hi;
  const { start, end } = position;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && inBounds(start, end) && text.slice(start, end) === exact && isWhole(text, start, end)) {
    return { status: "exact", start, end, score: 1 };
  }

  const rawHint = options.hint ?? start;
  const hint = Number.isFinite(rawHint) ? Math.min(bounds.hi, Math.max(bounds.lo, Math.round(rawHint))) : bounds.lo;
  const window = clip(searchWindow(text, hint, exact.length, options.window), bounds);
  // The quote's own boundaries may cut words (a reader selected part of one); others may not.
  const wordCuts: WordCuts = { start: cutsWord(prefix + exact, prefix.length), end: cutsWord(exact + suffix, exact.length) };
  let bestSeen = 0;
  const score = (matchStart: number, matchEnd: number, errors: number): Candidate => {
    const quoteScore = 1 - errors / exact.length;
    const contextScore = contextSimilarity(text, matchStart, matchEnd, prefix, suffix);
    const total = QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * contextScore;
    bestSeen = Math.max(bestSeen, total);
    const evident = exact.length - errors >= DISTINCTIVE_LENGTH || contextScore >= MIN_CONTEXT_AGREEMENT;
    const acceptable = quoteScore >= minScore && total >= minScore && evident && matchEnd > matchStart;
    return { start: matchStart, end: matchEnd, errors, quoteScore, contextScore, score: total, distance: Math.abs(matchStart - hint), acceptable };
  };

  // The exact quote near the hint.
  const exactHits: QuoteMatch[] = [];
  const windowText = text.slice(window.lo, window.hi);
  for (let i = windowText.indexOf(exact); i >= 0; i = windowText.indexOf(exact, i + 1)) {
    const at = window.lo + i;
    if (isWhole(text, at, at + exact.length)) exactHits.push({ start: at, end: at + exact.length, errors: 0 });
  }
  let best = pickBest(nearest(exactHits, hint).map((m) => score(m.start, m.end, 0)));
  if (best && best.contextScore >= MIN_CONTEXT_AGREEMENT) return found(best);

  // An approximate match near the hint, nearest stretch first.
  if (exact.length >= MIN_FUZZY_LENGTH) {
    const maxErrors = Math.floor(exact.length * (1 - minScore) + 1e-9);
    const near = clip(searchWindow(text, hint, exact.length, Math.min(NEAR_RADIUS, options.window ?? NEAR_RADIUS)), bounds);
    const confine = (m: QuoteMatch): QuoteMatch[] => {
      if (!options.within) return [m];
      const kept = confineToWindow(text, m.start, m.end, bounds, wordCuts);
      if (!kept) return [];
      if (kept.start === m.start && kept.end === m.end) return [m];
      const errors = editDistance(exact, text.slice(kept.start, kept.end), maxErrors);
      return errors === undefined ? [] : [{ ...kept, errors }];
    };
    for (const { lo, hi } of near.lo === window.lo && near.hi === window.hi ? [window] : [near, window]) {
      const matches =
        exact.length > LONG_QUOTE_LENGTH
          ? matchLongQuote(text, exact, lo, hi, maxErrors, hint)
          : search(text.slice(lo, hi), exact, maxErrors).map((m) => ({ start: lo + m.start, end: lo + m.end, errors: m.errors }));
      const fuzzy = pickBest(nearest(matches.map((m) => wholeCharacters(text, m)).flatMap(confine), hint).map((m) => score(m.start, m.end, m.errors)));
      if (fuzzy && (!best || better(fuzzy, best))) best = fuzzy;
      if (best) break;
    }
  }
  if (best) return found(best);

  // The same quote with the same context anywhere else: the passage was moved whole.
  if (prefix.length + suffix.length >= QUOTE_CONTEXT_LENGTH) {
    let moved: number | undefined;
    for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
      const after = at + exact.length;
      if (!inBounds(at, after) || at < prefix.length || !text.startsWith(prefix, at - prefix.length) || !text.startsWith(suffix, after) || !isWhole(text, at, after)) continue;
      if (moved === undefined || Math.abs(at - hint) < Math.abs(moved - hint)) moved = at;
    }
    if (moved !== undefined) return { status: "moved", start: moved, end: moved + exact.length, score: 1 };
  }
  return { status: "orphaned", score: bestSeen };
}

/** The `within` bounds as whole characters inside the text (all of it when absent). */
function wholeBounds(text: string, within: AnchorOptions["within"]): { lo: number; hi: number } {
  if (!within) return { lo: 0, hi: text.length };
  let lo = Number.isFinite(within.lo) ? Math.min(text.length, Math.max(0, Math.ceil(within.lo))) : 0;
  let hi = Number.isFinite(within.hi) ? Math.min(text.length, Math.max(lo, Math.floor(within.hi))) : text.length;
  if (splitsSurrogatePair(text, lo)) lo += 1;
  if (splitsSurrogatePair(text, hi)) hi -= 1;
  return { lo, hi: Math.max(lo, hi) };
}

function clip(window: { lo: number; hi: number }, bounds: { lo: number; hi: number }): { lo: number; hi: number } {
  const lo = Math.min(bounds.hi, Math.max(window.lo, bounds.lo));
  return { lo, hi: Math.max(lo, Math.min(window.hi, bounds.hi)) };
}

function found(candidate: Candidate): AnchorResult {
  return { status: candidate.errors === 0 ? "moved" : "fuzzy", start: candidate.start, end: candidate.end, score: candidate.score };
}

function better(a: Candidate, b: Candidate): boolean {
  if (Math.abs(a.score - b.score) > 1e-9) return a.score > b.score;
  return a.distance < b.distance;
}

function pickBest(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) if (candidate.acceptable && (!best || better(candidate, best))) best = candidate;
  return best;
}

function nearest(matches: QuoteMatch[], hint: number): QuoteMatch[] {
  if (matches.length <= MAX_CANDIDATES) return matches;
  return [...matches].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, MAX_CANDIDATES);
}

function isWhole(text: string, start: number, end: number): boolean {
  return !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}

/** Widens a match that cuts an astral character in two; each unit added may be one more error. */
function wholeCharacters(text: string, match: QuoteMatch): QuoteMatch {
  let { start, end, errors } = match;
  if (splitsSurrogatePair(text, start)) {
    start -= 1;
    errors += 1;
  }
  if (splitsSurrogatePair(text, end)) {
    end += 1;
    errors += 1;
  }
  return { start, end, errors };
}
