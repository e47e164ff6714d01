import { coveredLength, unionByDocument, type ScoredSpan } from "./span";

export interface SpanScores {
  /** Mean over the student's spans of the share of each covered by key spans; null without student spans. */
  precision: number | null;
  /** Mean over the key's spans of the share of each covered by the student's spans; null with an empty key. */
  recall: number | null;
  /** Harmonic mean of the two; 0 when either is 0 or missing while the other exists; null when both are missing. */
  f1: number | null;
}

/**
 * Span identification with partial credit by character overlap, as SemEval-2020 Task 11 scores
 * it: each span earns the share of its characters the other side marked. Overlapping spans on
 * the other side count once (their union), so no span earns more than full credit.
 */
export function scoreSpanIdentification(student: readonly ScoredSpan[], key: readonly ScoredSpan[]): SpanScores {
  const precision = meanCoverage(student, unionByDocument(key));
  const recall = meanCoverage(key, unionByDocument(student));
  return { precision, recall, f1: f1Of(precision, recall) };
}

export function f1Of(precision: number | null, recall: number | null): number | null {
  if (precision === null && recall === null) return null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function meanCoverage(spans: readonly ScoredSpan[], other: ReturnType<typeof unionByDocument>): number | null {
  let total = 0;
  let count = 0;
  for (const span of spans) {
    const length = span.end - span.start;
    if (length <= 0) continue;
    const intervals = other.get(span.documentId);
    total += intervals ? coveredLength(intervals, span.start, span.end) / length : 0;
    count++;
  }
  return count === 0 ? null : total / count;
}
