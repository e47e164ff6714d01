import { describe, expect, it } from "vitest";
import { confineToWindow, cutsWord } from "./confine-to-window";

describe("cutsWord", () => {
  it("is true only between two letters or digits of one word, in any script", () => {
    const text = "Сталин said: 1925 𝔄𝔅 ok";
    expect(cutsWord(text, 3)).toBe(true);
    expect(cutsWord(text, 6)).toBe(false);
    expect(cutsWord(text, 11)).toBe(false);
    expect(cutsWord(text, 15)).toBe(true);
    // Between the two astral letters 𝔄𝔅 (each two UTF-16 units).
    expect(cutsWord(text, text.indexOf("𝔅"))).toBe(true);
    expect(cutsWord(text, 0)).toBe(false);
    expect(cutsWord(text, text.length)).toBe(false);
  });
});

describe("confineToWindow", () => {
  const text = "had already decided.as decided on the economy: a narrative reference";

  it("clips a span to the window", () => {
    const lo = text.indexOf("as decided");
    expect(confineToWindow(text, lo - 4, lo + 10, { lo, hi: text.length })).toEqual({ start: lo, end: lo + 10 });
  });

  it("moves a boundary that cuts a word to the word's edge inside, past the space after it", () => {
    const start = text.indexOf("tive reference");
    const result = confineToWindow(text, start, text.length, { lo: 0, hi: text.length });
    expect(result && text.slice(result.start, result.end)).toBe("reference");
    const end = text.indexOf("cided on");
    const clipped = confineToWindow(text, text.indexOf("as decided"), end, { lo: 0, hi: text.length });
    expect(clipped && text.slice(clipped.start, clipped.end)).toBe("as");
  });

  it("keeps boundaries the quote itself placed inside a word", () => {
    const start = text.indexOf("tive reference");
    expect(confineToWindow(text, start, start + 9, { lo: 0, hi: text.length }, { start: true, end: true })).toEqual({ start, end: start + 9 });
  });

  it("steps over astral letters whole, and gives nothing when no whole word is left", () => {
    const astral = "𝔄𝔅𝔇 съезд";
    const result = confineToWindow(astral, 2, astral.length, { lo: 0, hi: astral.length });
    expect(result && astral.slice(result.start, result.end)).toBe("съезд");
    expect(confineToWindow(text, 1, 2, { lo: 0, hi: text.length })).toBeUndefined();
  });
});
