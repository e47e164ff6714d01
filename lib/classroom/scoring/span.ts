/** One marked span as scoring sees it: a character range of one document, and its technique if it has one. */
export interface ScoredSpan {
  documentId: string;
  /** UTF-16 offsets into the document's text, `start < end`. */
  start: number;
  end: number;
  /** A technique key (e.g. "ptc:loaded-language"), or null for spans without one (claims, contradictions). */
  technique: string | null;
}

/** Disjoint, sorted intervals of one document. */
export type Intervals = readonly (readonly [start: number, end: number])[];

/** The union of spans, per document, as disjoint sorted intervals. */
export function unionByDocument(spans: readonly ScoredSpan[]): Map<string, Intervals> {
  const byDocument = new Map<string, [number, number][]>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    let list = byDocument.get(span.documentId);
    if (!list) byDocument.set(span.documentId, (list = []));
    list.push([span.start, span.end]);
  }
  const result = new Map<string, Intervals>();
  for (const [documentId, list] of byDocument) result.set(documentId, mergeIntervals(list));
  return result;
}

export function mergeIntervals(list: readonly (readonly [number, number])[]): Intervals {
  const sorted = [...list].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** How many characters of [start, end) the intervals cover (binary search to the first candidate). */
export function coveredLength(intervals: Intervals, start: number, end: number): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (intervals[mid]![1] <= start) low = mid + 1;
    else high = mid;
  }
  let covered = 0;
  for (let i = low; i < intervals.length; i++) {
    const [from, to] = intervals[i]!;
    if (from >= end) break;
    covered += Math.min(end, to) - Math.max(start, from);
  }
  return covered;
}

/** The length of the overlap of two ranges (0 when they do not meet). */
export function overlapLength(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}
