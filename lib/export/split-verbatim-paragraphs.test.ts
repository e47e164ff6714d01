import { describe, expect, it } from "vitest";
import { splitVerbatimParagraphs } from "./split-verbatim-paragraphs";

describe("splitVerbatimParagraphs", () => {
  it("splits on blank lines and keeps each paragraph's text exactly, indentation and single breaks included", () => {
    const text = "First line\nstill first.\n\n   Второй абзац «в кавычках».\n \t\n\n𝔄 third";
    const paragraphs = splitVerbatimParagraphs(text);
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(["First line\nstill first.", "   Второй абзац «в кавычках».", "𝔄 third"]);
    for (const paragraph of paragraphs) expect(text.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
  });

  it("treats CRLF and CR blank lines as separators too", () => {
    expect(splitVerbatimParagraphs("one\r\n\r\ntwo\r\rthree").map((paragraph) => paragraph.text)).toEqual(["one", "two", "three"]);
  });

  it("does not take a single CRLF line break for a blank line", () => {
    expect(splitVerbatimParagraphs("line one\r\nline two\r\n\r\nnext").map((paragraph) => paragraph.text)).toEqual(["line one\r\nline two", "next"]);
    expect(splitVerbatimParagraphs("a\r\n \r\nb").map((paragraph) => paragraph.text)).toEqual(["a", "b"]);
  });

  it("skips whitespace-only runs and returns nothing for an empty text", () => {
    expect(splitVerbatimParagraphs("\n\n  \n\nonly\n\n")).toEqual([{ start: 6, end: 10, text: "only" }]);
    expect(splitVerbatimParagraphs("")).toEqual([]);
  });
});
