import { describe, expect, it } from "vitest";
import { diffTexts } from "../anchoring/map-offset-through-edit";
import { citePages, mapPageBreaks, pageAt, pagesOfSpan, pageMarkersForBlocks, readPageBreaks } from "./page-breaks";
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

  it("gives the page or pages of a span, and cites them", () => {
    const second = text.indexOf("Second");
    expect(pagesOfSpan(breaks, text.indexOf("First"), text.indexOf("First") + 5)).toBe("1");
    // A span ending exactly where a page starts stays on the page before.
    expect(pagesOfSpan(breaks, text.indexOf("First"), second)).toBe("1");
    expect(pagesOfSpan(breaks, text.indexOf("First"), second + 1)).toBe("1–2");
    expect(pagesOfSpan(breaks, second, text.length)).toBe("2–3");
    expect(pagesOfSpan(breaks, second)).toBe("2");
    expect(pagesOfSpan([], 0, 10)).toBeNull();
    // Text before the first break has no page; a span running into it takes the page it reaches.
    const later = [{ offset: 10, label: "xii" }];
    expect(pagesOfSpan(later, 0, 5)).toBeNull();
    expect(pagesOfSpan(later, 0, 15)).toBe("xii");
    expect(pageAt(later, 9)).toBeNull();
    expect(pageAt(later, 10)).toBe("xii");
    expect(citePages("12")).toBe("p. 12");
    expect(citePages("12–13")).toBe("pp. 12–13");
    expect(citePages(null)).toBeNull();
  });

  it("finds pages by binary search on many breaks", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ offset: i * 100, label: String(i + 1) }));
    expect(pageAt(many, 0)).toBe("1");
    expect(pageAt(many, 99_999)).toBe("1000");
    expect(pagesOfSpan(many, 4_950, 5_050)).toBe("50–51");
  });
});
