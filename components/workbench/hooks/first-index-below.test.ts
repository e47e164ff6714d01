import { describe, expect, it } from "vitest";
import { firstIndexBelow } from "./first-index-below";

// Blocks 40 px tall, the page scrolled by `scrolled` px: block i's bottom is at 40(i+1) - scrolled.
const bottoms = (scrolled: number) => (index: number) => 40 * (index + 1) - scrolled;

describe("firstIndexBelow", () => {
  it("finds the first block showing at the window's top", () => {
    expect(firstIndexBelow(100, bottoms(0))).toBe(0);
    expect(firstIndexBelow(100, bottoms(39))).toBe(0);
    expect(firstIndexBelow(100, bottoms(40))).toBe(1);
    expect(firstIndexBelow(100, bottoms(1234))).toBe(30);
  });

  it("gives the last block when the text has scrolled out of view, and 0 for no blocks", () => {
    expect(firstIndexBelow(10, bottoms(10_000))).toBe(9);
    expect(firstIndexBelow(0, bottoms(0))).toBe(0);
  });

  it("asks about log2(n) blocks, not all of them", () => {
    let asked = 0;
    firstIndexBelow(20_000, (index) => {
      asked += 1;
      return bottoms(400_000)(index);
    });
    expect(asked).toBeLessThanOrEqual(15);
  });
});
