import { describe, expect, it } from "vitest";
import { mapOffsetThroughRegion } from "./map-offset-through-region";

describe("mapOffsetThroughRegion", () => {
  it("maps like a ProseMirror step map", () => {
    const region = { from: 10, to: 20, newTo: 15 };
    expect(mapOffsetThroughRegion(9, 1, region)).toBe(9);
    expect(mapOffsetThroughRegion(10, 1, region)).toBe(10);
    expect(mapOffsetThroughRegion(12, -1, region)).toBe(10);
    expect(mapOffsetThroughRegion(12, 1, region)).toBe(15);
    expect(mapOffsetThroughRegion(20, -1, region)).toBe(15);
    expect(mapOffsetThroughRegion(25, -1, region)).toBe(20);
  });

  it("lets assoc pick the side of a pure insertion", () => {
    const region = { from: 4, to: 4, newTo: 9 };
    expect(mapOffsetThroughRegion(4, -1, region)).toBe(4);
    expect(mapOffsetThroughRegion(4, 1, region)).toBe(9);
  });
});
