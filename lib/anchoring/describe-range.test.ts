import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeRange } from "./describe-range";
import { QUOTE_CONTEXT_LENGTH } from "./types";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("describeRange", () => {
  it("quotes a span of seed 001 with 32 characters of context, curly quotes included", () => {
    const text = seed("001_55a5bf3ff576e000.txt");
    const start = text.indexOf("“industrial congress”");
    const end = start + "“industrial congress”".length;
    const { position, quote } = describeRange(text, start, end);
    expect(position).toEqual({ start, end });
    expect(quote.exact).toBe("“industrial congress”");
    expect(quote.prefix).toBe("The 14th congress, ");
    expect(quote.suffix).toBe(text.slice(end, end + QUOTE_CONTEXT_LENGTH));
    expect(quote.suffix).toHaveLength(32);
  });

  it("quotes Cyrillic from the literature list of seed 001", () => {
    const text = seed("001_55a5bf3ff576e000.txt");
    // The source has a no-break space before "(б)".
    const exact = "Четырнадцатый съезд ВКП\u00a0(б)";
    const start = text.indexOf(exact);
    const { quote } = describeRange(text, start, start + exact.length);
    expect(start).toBeGreaterThan(0);
    expect(quote.exact).toBe(exact);
    expect(quote.prefix).toBe(text.slice(start - 32, start));
    expect(quote.prefix).toMatch(/С\.\s261-352;\s$/);
    expect(quote.suffix).toMatch(/^\s\/\/\sБольшая\sсоветская\sэнциклопед$/);
  });

  it("cuts the context short at the ends of the text", () => {
    const text = "Съезд открылся 18 декабря.";
    expect(describeRange(text, 0, 5).quote).toEqual({ exact: "Съезд", prefix: "", suffix: " открылся 18 декабря." });
    expect(describeRange(text, 15, 26, 4).quote).toEqual({ exact: "18 декабря.", prefix: "лся ", suffix: "" });
  });

  it("does not cut an astral character in the context", () => {
    const text = `${"𝔄".repeat(20)}quote${"𝔅".repeat(20)}`;
    const start = 40;
    const { quote } = describeRange(text, start, start + 5, 5);
    // 5 units back lands inside a surrogate pair, so only two whole characters are kept.
    expect(quote.prefix).toBe("𝔄𝔄");
    expect(quote.suffix).toBe("𝔅𝔅");
  });

  it("refuses bad offsets with a readable RangeError", () => {
    const text = "Lenin 𝔄 Stalin";
    expect(() => describeRange(text, 1.5, 3)).toThrow(RangeError);
    expect(() => describeRange(text, Number.NaN, 3)).toThrow(/whole-number/);
    expect(() => describeRange(text, 3, 3)).toThrow(/empty/);
    expect(() => describeRange(text, 4, 2)).toThrow(/empty/);
    expect(() => describeRange(text, -1, 2)).toThrow(/outside the text/);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(/outside the text/);
    expect(() => describeRange(text, 7, 10)).toThrow(/surrogate pair/);
    expect(() => describeRange(text, 0, 7)).toThrow(/surrogate pair/);
    expect(describeRange(text, 6, 8).quote.exact).toBe("𝔄");
  });
});
