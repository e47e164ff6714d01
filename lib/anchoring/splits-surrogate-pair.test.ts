import { describe, expect, it } from "vitest";
import { splitsSurrogatePair } from "./splits-surrogate-pair";

describe("splitsSurrogatePair", () => {
  it("is true only between the two units of an astral character", () => {
    const text = "a𝔄б";
    expect([0, 1, 2, 3, 4].map((offset) => splitsSurrogatePair(text, offset))).toEqual([false, false, true, false, false]);
    expect(splitsSurrogatePair("\udc00\ud800", 1)).toBe(false);
  });
});
