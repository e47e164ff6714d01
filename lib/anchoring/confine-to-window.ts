import { splitsSurrogatePair } from "./splits-surrogate-pair";

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

/** The character starting at `offset` (both halves of an astral one). */
function characterAt(text: string, offset: number): string {
  return splitsSurrogatePair(text, offset + 1) ? text.slice(offset, offset + 2) : text.charAt(offset);
}

/** The character ending at `offset`. */
function characterBefore(text: string, offset: number): string {
  return splitsSurrogatePair(text, offset - 1) ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
}

/** Whether a boundary at `offset` falls between two letters (or digits) of one word. */
export function cutsWord(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && WORD_CHARACTER.test(characterBefore(text, offset)) && WORD_CHARACTER.test(characterAt(text, offset));
}

export interface WordCuts {
  /** The span may start inside a word (its quote did). */
  start?: boolean;
  /** The span may end inside a word (its quote did). */
  end?: boolean;
}

/**
 * Clips text.slice(start, end) to `window`, then moves a boundary that would cut a word to that
 * word's edge on the inside (and past the spaces after it), never outwards: a highlight loses the
 * remnant of a word rather than take in the rest of it. Boundaries the quote itself placed inside
 * a word (`allowed`) stay. Undefined when nothing is left. The same rule serves the server's
 * re-anchoring and the editor's on-screen mapping, so both draw the same span.
 */
export function confineToWindow(text: string, start: number, end: number, window: { lo: number; hi: number }, allowed: WordCuts = {}): { start: number; end: number } | undefined {
  let from = Math.max(start, window.lo);
  let to = Math.min(end, window.hi);
  if (!allowed.start && cutsWord(text, from)) {
    while (from < to && WORD_CHARACTER.test(characterAt(text, from))) from += characterAt(text, from).length;
    while (from < to && SPACE.test(text.charAt(from))) from += 1;
  }
  if (!allowed.end && cutsWord(text, to)) {
    while (to > from && WORD_CHARACTER.test(characterBefore(text, to))) to -= characterBefore(text, to).length;
    while (to > from && SPACE.test(text.charAt(to - 1))) to -= 1;
  }
  return from < to ? { start: from, end: to } : undefined;
}
