import { editDistance } from "./edit-distance";

/**
 * How well the text around text.slice(start, end) agrees with a quote's stored prefix and suffix:
 * the share of context characters that survive (1 − edit distance per side), from 0 to 1. A quote
 * stored without context counts as agreeing everywhere.
 */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (agreement(prefix, before) + agreement(suffix, after)) / total;
}

function agreement(expected: string, actual: string): number {
  if (!expected) return 0;
  return expected.length - (editDistance(expected, actual, expected.length) ?? expected.length);
}
