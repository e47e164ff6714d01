import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { countWords, revisionWordCount } from "./revision-text-cache";

describe("countWords", () => {
  it("counts runs of non-space characters, as splitting on whitespace does", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  \n\t ")).toBe(0);
    expect(countWords("The 14th Congress,\n\nDecember 1925.")).toBe(5);
    expect(countWords("one\u00a0two\u2003three")).toBe(3);
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite" }), (text) => countWords(text) === text.split(/\s+/).filter(Boolean).length));
  });
});

describe("revisionWordCount", () => {
  it("counts a revision once and answers from the cache after", () => {
    expect(revisionWordCount("revision-a", "three little words")).toBe(3);
    // A revision never changes: the count is the one kept for its id.
    expect(revisionWordCount("revision-a", "a different text of six words")).toBe(3);
    expect(revisionWordCount("revision-b", "a different text of six words")).toBe(6);
  });
});
