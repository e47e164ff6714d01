import { f1Of } from "./span-identification";
import { coveredLength, unionByDocument, type Intervals, type ScoredSpan } from "./span";

/**
 * F1 between every two coders, each taken as the other's key (F1 is symmetric: swapping the key
 * swaps precision and recall). The diagonal is 1 for a coder with spans, null for one without.
 */
export function pairwiseF1(coders: readonly { spans: readonly ScoredSpan[] }[]): (number | null)[][] {
  const unions = coders.map((coder) => unionByDocument(coder.spans));
  const matrix: (number | null)[][] = coders.map(() => coders.map(() => null));
  coders.forEach((first, i) => {
    const row = matrix[i]!;
    row[i] = first.spans.length > 0 ? 1 : null;
    for (let j = i + 1; j < coders.length; j++) {
      const precision = meanCoverage(first.spans, unions[j]!);
      const recall = meanCoverage(coders[j]!.spans, unions[i]!);
      row[j] = matrix[j]![i] = f1Of(precision, recall);
    }
  });
  return matrix;
}

function meanCoverage(spans: readonly ScoredSpan[], other: Map<string, Intervals>): number | null {
  let total = 0;
  let count = 0;
  for (const span of spans) {
    const length = span.end - span.start;
    if (length <= 0) continue;
    const intervals = other.get(span.documentId);
    if (intervals) total += coveredLength(intervals, span.start, span.end) / length;
    count++;
  }
  return count === 0 ? null : total / count;
}
