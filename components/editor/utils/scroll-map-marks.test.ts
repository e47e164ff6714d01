import { describe, expect, it } from "vitest";
import { bucketScrollMapPoints, type ScrollMapPoint } from "./scroll-map-marks";

const point = (id: string, lane: ScrollMapPoint["lane"], top: number): ScrollMapPoint => ({ id, lane, top });

describe("bucketScrollMapPoints", () => {
  it("merges the points of one lane that share a bucket into one mark at the first point", () => {
    const marks = bucketScrollMapPoints([point("b", "claim", 0.104), point("a", "claim", 0.101), point("c", "claim", 0.5)], 100);
    expect(marks).toEqual([
      { lane: "claim", id: "a", count: 2, top: 0.101 },
      { lane: "claim", id: "c", count: 1, top: 0.5 },
    ]);
  });

  it("keeps lanes apart and clamps places into the map", () => {
    const marks = bucketScrollMapPoints([point("a", "claim", 1.2), point("b", "contradiction", 0.999), point("c", "bias-marker", -0.1)], 10);
    expect(marks.map((m) => [m.lane, m.id, m.top])).toEqual([
      ["bias-marker", "c", 0],
      ["contradiction", "b", 0.999],
      ["claim", "a", 1],
    ]);
  });

  it("bounds the marks by the buckets however many points there are", () => {
    const points = Array.from({ length: 5_000 }, (_, i) => point(`p${i}`, "claim", i / 5_000));
    const marks = bucketScrollMapPoints(points, 200);
    expect(marks).toHaveLength(200);
    expect(marks.reduce((sum, m) => sum + m.count, 0)).toBe(5_000);
  });
});
