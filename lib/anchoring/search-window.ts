import { splitsSurrogatePair } from "./splits-surrogate-pair";
import { MIN_SEARCH_RADIUS } from "./types";

/**
 * The stretch of text searched for a quote of `exactLength` characters expected at `hint`:
 * `radius` characters before the hint to `radius` after the quote's expected end (default
 * max(2000, 4 × the quote's length)), clipped to the text and widened by one unit rather than
 * split an astral character.
 */
export function searchWindow(text: string, hint: number, exactLength: number, radius = Math.max(MIN_SEARCH_RADIUS, 4 * exactLength)): { lo: number; hi: number } {
  let lo = Math.min(text.length, Math.max(0, hint - radius));
  let hi = Math.max(lo, Math.min(text.length, hint + exactLength + radius));
  if (splitsSurrogatePair(text, lo)) lo -= 1;
  if (splitsSurrogatePair(text, hi)) hi += 1;
  return { lo, hi };
}
