import { f1Of } from "./span-identification";
import { mergeIntervals, type Intervals, type ScoredSpan } from "./span";

/** One coder's spans grouped by document and sorted by start, with their union: ready for linear sweeps. */
interface PreparedCoder {
  count: number;
  byDocument: Map<string, { starts: number[]; ends: number[]; union: Intervals }>;
}

function prepare(spans: readonly ScoredSpan[]): PreparedCoder {
  const groups = new Map<string, ScoredSpan[]>();
  let count = 0;
  for (const span of spans) {
    if (span.end <= span.start) continue;
    count++;
    let list = groups.get(span.documentId);
    if (!list) groups.set(span.documentId, (list = []));
    list.push(span);
  }
  const byDocument = new Map<string, { starts: number[]; ends: number[]; union: Intervals }>();
  for (const [documentId, list] of groups) {
    list.sort((a, b) => a.start - b.start);
    byDocument.set(documentId, { starts: list.map((s) => s.start), ends: list.map((s) => s.end), union: mergeIntervals(list.map((s) => [s.start, s.end] as const)) });
  }
  return { count, byDocument };
}

/** Σ over a's spans of the share each has covered by b's union; one forward sweep per document. */
function coverageSum(a: PreparedCoder, b: PreparedCoder): number {
  let total = 0;
  for (const [documentId, { starts, ends }] of a.byDocument) {
    const union = b.byDocument.get(documentId)?.union;
    if (!union) continue;
    let first = 0;
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      while (first < union.length && union[first]![1] <= start) first++;
      let covered = 0;
      for (let k = first; k < union.length; k++) {
        const [from, to] = union[k]!;
        if (from >= end) break;
        covered += Math.min(end, to) - Math.max(start, from);
      }
      total += covered / (end - start);
    }
  }
  return total;
}

/**
 * F1 between every two coders, each taken as the other's key (F1 is symmetric: swapping the key
 * swaps precision and recall). The diagonal is 1 for a coder with spans, null for one without.
 * Spans are sorted once per coder, so each pair costs one linear sweep each way (200 coders make
 * 19,900 pairs).
 */
export function pairwiseF1(coders: readonly { spans: readonly ScoredSpan[] }[]): (number | null)[][] {
  const prepared = coders.map((coder) => prepare(coder.spans));
  const matrix: (number | null)[][] = coders.map(() => coders.map(() => null));
  prepared.forEach((first, i) => {
    const row = matrix[i]!;
    row[i] = first.count > 0 ? 1 : null;
    for (let j = i + 1; j < prepared.length; j++) {
      const second = prepared[j]!;
      const precision = first.count === 0 ? null : coverageSum(first, second) / first.count;
      const recall = second.count === 0 ? null : coverageSum(second, first) / second.count;
      row[j] = matrix[j]![i] = f1Of(precision, recall);
    }
  });
  return matrix;
}
