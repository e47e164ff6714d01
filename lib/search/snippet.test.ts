import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSnippet, HIT_CLOSE, HIT_OPEN, readMarkedText } from "./snippet";

/** No lone surrogate (String.prototype.isWellFormed is ES2024, past this project's lib). */
const wellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const mark = (text: string) => text.replaceAll("[", HIT_OPEN).replaceAll("]", HIT_CLOSE);

describe("readMarkedText", () => {
  it("takes the marks out and keeps where the hits were, in UTF-16 offsets", () => {
    const { text, hits } = readMarkedText(mark("Съезд 😀 [Зиновьев] и [Каменев]"));
    expect(text).toBe("Съезд 😀 Зиновьев и Каменев");
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(["Зиновьев", "Каменев"]);
  });

  it("joins the tokens of a phrase into one hit", () => {
    const { text, hits } = readMarkedText(mark("the congress [settled] [accounts] with"));
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(["settled accounts"]);
  });

  it("ignores a mark without its partner", () => {
    expect(readMarkedText(mark("a ]b [c")).hits).toEqual([]);
  });
});

describe("buildSnippet", () => {
  it("shows the window around the first hit with the hit marked", () => {
    const text = `${"слово ".repeat(100)}Зиновьев ${"конец ".repeat(100)}`;
    const start = text.indexOf("Зиновьев");
    const snippet = buildSnippet(text, [{ start, end: start + 8 }], 120);
    expect(snippet.clippedStart).toBe(true);
    expect(snippet.clippedEnd).toBe(true);
    expect(snippet.parts.filter((part) => part.hit).map((part) => part.text)).toEqual(["Зиновьев"]);
    expect(snippet.parts.map((part) => part.text).join("").length).toBeLessThanOrEqual(121);
  });

  it("never cuts an astral character or a combining mark in half", () => {
    const text = "😀".repeat(200) + "famine" + "e\u0301".repeat(200);
    const start = text.indexOf("famine");
    const { parts } = buildSnippet(text, [{ start, end: start + 6 }], 101);
    const joined = parts.map((part) => part.text).join("");
    expect(wellFormed(joined)).toBe(true);
    expect(joined.startsWith("\uDE00")).toBe(false);
    expect(/^\p{M}/u.test(joined)).toBe(false);
  });

  it("keeps every part well formed for any text and hits (fuzz)", () => {
    const text = fc.array(fc.constantFrom("a", " ", "Ж", "😀", "e\u0301", "𝔄", "\n"), { minLength: 0, maxLength: 300 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 10, max: 200 }), (t, a, b, length) => {
        const cut = (n: number) => {
          let at = t.length === 0 ? 0 : n % (t.length + 1);
          if (at > 0 && at < t.length && t.charCodeAt(at) >= 0xdc00 && t.charCodeAt(at) <= 0xdfff) at -= 1;
          return at;
        };
        const [start, end] = [cut(a), cut(b)].sort((x, y) => x - y) as [number, number];
        const hits = end > start ? [{ start, end }] : [];
        const snippet = buildSnippet(t, hits, length);
        for (const part of snippet.parts) expect(wellFormed(part.text)).toBe(true);
        const shown = snippet.parts.map((part) => part.text).join("");
        expect(t.includes(shown)).toBe(true);
        if (hits.length > 0 && end - start <= length / 2) expect(snippet.parts.some((part) => part.hit)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
