import { describe, expect, it } from "vitest";
import { diffTexts } from "../anchoring/map-offset-through-edit";
import { mapPageBreaks, pageAt, pageMarkersForBlocks, readPageBreaks } from "./page-breaks";
import { splitTextBlocks } from "./split-text-blocks";

const text = "Heading\n\nFirst page body.\n\nSecond page body, continued\n\nThird";
const breaks = [
  { offset: 0, label: "1" },
  { offset: text.indexOf("Second"), label: "2" },
  { offset: text.indexOf("continued"), label: "3" },
];

describe("page breaks", () => {
  it("finds the page of an offset, and the block each page starts in", () => {
    expect(pageAt(breaks, text.indexOf("First"))).toBe("1");
    expect(pageAt(breaks, text.indexOf("Third"))).toBe("3");
    expect(pageAt([], 5)).toBeNull();
    expect(pageMarkersForBlocks(splitTextBlocks(text), breaks)).toEqual([
      { block: 0, label: "1" },
      { block: 2, label: "2" },
      { block: 2, label: "3" },
    ]);
  });

  it("moves with the text after an edit, and drops what is malformed", () => {
    const edited = text.replace("First page", "The first page");
    const mapped = mapPageBreaks(breaks, diffTexts(text, edited), edited.length);
    expect(mapped.map((b) => edited.slice(b.offset, b.offset + 6))).toEqual(["Headin", "Second", "contin"]);
    expect(readPageBreaks([{ offset: 3, label: "x" }, { offset: 1, label: "y" }, { offset: 99, label: "z" }, "junk", null], 10)).toEqual([{ offset: 3, label: "x" }]);
  });
});
