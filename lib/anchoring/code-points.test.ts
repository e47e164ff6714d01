import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codePointToUtf16Offset, utf16ToCodePointOffset } from "./code-points";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("code-point offsets", () => {
  it("are the UTF-16 offsets where the text has no astral characters (seed 001, Cyrillic and curly quotes)", () => {
    const text = seed("001_55a5bf3ff576e000.txt");
    for (const offset of [0, 19, text.indexOf("Сталин"), text.length]) {
      expect(utf16ToCodePointOffset(text, offset)).toBe(offset);
      expect(codePointToUtf16Offset(text, offset)).toBe(offset);
    }
  });

  it("count an astral character once", () => {
    const text = "𝔄 Съезд 😀 «ВКП(б)»";
    expect(utf16ToCodePointOffset(text, 2)).toBe(1);
    expect(utf16ToCodePointOffset(text, 11)).toBe(9);
    expect(utf16ToCodePointOffset(text, text.length)).toBe([...text].length);
    for (let cp = 0; cp <= [...text].length; cp += 1) {
      const units = codePointToUtf16Offset(text, cp);
      expect([...text].slice(0, cp).join("")).toBe(text.slice(0, units));
      expect(utf16ToCodePointOffset(text, units)).toBe(cp);
    }
  });

  it("refuse offsets outside the text or inside a surrogate pair", () => {
    const text = "a𝔄b";
    expect(() => utf16ToCodePointOffset(text, 2)).toThrow(/surrogate pair/);
    expect(() => utf16ToCodePointOffset(text, 5)).toThrow(RangeError);
    expect(() => utf16ToCodePointOffset(text, -1)).toThrow(RangeError);
    expect(() => utf16ToCodePointOffset(text, 0.5)).toThrow(RangeError);
    expect(() => codePointToUtf16Offset(text, 4)).toThrow(/beyond the end/);
    expect(() => codePointToUtf16Offset(text, -1)).toThrow(RangeError);
    expect(codePointToUtf16Offset(text, 3)).toBe(4);
  });
});
