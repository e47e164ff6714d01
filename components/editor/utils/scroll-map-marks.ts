/** One annotation placed on the scroll-bar map: `top` is its place in the page, 0 (top) to 1 (bottom). */
export interface ScrollMapPoint {
  id: string;
  lane: ScrollMapLane;
  top: number;
}

export type ScrollMapLane = "claim" | "bias-marker" | "contradiction";

/** Marks drawn on the map: points of one lane that fall within one bucket merge into one mark. */
export interface ScrollMapMark {
  lane: ScrollMapLane;
  /** The first point's id (where a click goes) and how many the mark stands for. */
  id: string;
  count: number;
  top: number;
}

/**
 * Merges the points into at most `buckets` marks per lane (a 1 MB text with 5,000 annotations
 * gives a few hundred marks, not 5,000 elements), each at its first point's place. Marks are named
 * afterwards, so only the few hundred drawn are described, not every point.
 */
export function bucketScrollMapPoints(points: readonly ScrollMapPoint[], buckets: number): ScrollMapMark[] {
  const byKey = new Map<string, ScrollMapMark>();
  const sorted = [...points].sort((a, b) => a.top - b.top);
  for (const point of sorted) {
    const top = Math.min(1, Math.max(0, point.top));
    const key = `${point.lane}:${Math.min(buckets - 1, Math.floor(top * buckets))}`;
    const mark = byKey.get(key);
    if (mark) mark.count += 1;
    else byKey.set(key, { lane: point.lane, id: point.id, count: 1, top });
  }
  return [...byKey.values()];
}
