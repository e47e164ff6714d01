import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchLongQuote } from "./match-long-quote";

const text = fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus/002_c9e003ea9d822040.txt"), "utf8").trim();

describe("matchLongQuote", () => {
  const start = 5000;
  const exact = text.slice(start, start + 4000);

  it("finds a long quote by its ends and measures the span between", () => {
    const edited = `${text.slice(0, start)}Inserted sentence. ${exact.slice(0, 2000)}${exact.slice(2100)}${text.slice(start + 4000)}`;
    const matches = matchLongQuote(edited, exact, 0, edited.length, 1000, start);
    expect(matches).toContainEqual({ start: start + 19, end: start + 19 + 3900, errors: 100 });
  });

  it("requires both ends, in order, with the span within a quarter of the quote's length", () => {
    const withoutEnd = `${text.slice(0, start)}${exact.slice(0, 3900)}`;
    expect(matchLongQuote(withoutEnd, exact, 0, withoutEnd.length, 1000, start)).toEqual([]);
    const stretched = `${text.slice(0, start)}${exact.slice(0, 2000)}${"x".repeat(1100)}${exact.slice(2000)}`;
    expect(matchLongQuote(stretched, exact, 0, stretched.length, 1000, start)).toEqual([]);
  });

  it("drops a span whose middle is too different", () => {
    const gutted = `${text.slice(0, start)}${exact.slice(0, 1000)}${"x".repeat(1200)}${exact.slice(2200)}`;
    expect(matchLongQuote(gutted, exact, 0, gutted.length, 1000, start)).toEqual([]);
  });
});
