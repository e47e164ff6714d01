import { describe, expect, it } from "vitest";
import { searchWindow } from "./search-window";

describe("searchWindow", () => {
  const text = "x".repeat(50_000);

  it("spans max(2000, 4 × the quote's length) either side of the quote's expected place", () => {
    expect(searchWindow(text, 10_000, 100)).toEqual({ lo: 8000, hi: 12_100 });
    expect(searchWindow(text, 10_000, 1000)).toEqual({ lo: 6000, hi: 15_000 });
    expect(searchWindow(text, 10_000, 100, 50)).toEqual({ lo: 9950, hi: 10_150 });
  });

  it("is clipped to the text", () => {
    expect(searchWindow(text, 100, 10)).toEqual({ lo: 0, hi: 2110 });
    expect(searchWindow(text, 49_990, 10)).toEqual({ lo: 47_990, hi: 50_000 });
  });

  it("widens rather than cut an astral character", () => {
    const astral = "𝔄".repeat(10);
    expect(searchWindow(astral, 5, 2, 2)).toEqual({ lo: 2, hi: 10 });
  });
});
