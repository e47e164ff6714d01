import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointToUtf16Offset, utf16ToCodePointOffset } from "../anchoring/code-points";
import { createCodePointConverter, createUtf16Converter } from "./code-point-converter";

/** The canonical conversion, with null where it refuses the offset. */
function canonical(text: string, offset: number): number | null {
  try {
    return utf16ToCodePointOffset(text, offset);
  } catch {
    return null;
  }
}

function expectAgreement(text: string) {
  const convert = createCodePointConverter(text);
  for (let offset = -1; offset <= text.length + 1; offset += 1) expect(convert(offset), `offset ${offset} of ${JSON.stringify(text)}`).toBe(canonical(text, offset));
}

describe("createCodePointConverter", () => {
  it("agrees with lib/anchoring/code-points.ts on every offset of real texts", () => {
    expectAgreement("Партия едина. The “congress of industrialisation”.");
    expectAgreement("𝔄 Беседа с корреспондентом «Роста» 😀 end");
    expectAgreement("𝔄𝔅\r\n\r\n𝔄");
    expectAgreement("");
    expectAgreement("lone \uD800 high and \uDC00 low surrogates");
  });

  it("agrees with it on random text full of astral characters and stray surrogates", () => {
    const unit = fc.constantFrom("a", "я", "“", "𝔄", "😀", "\uD800", "\uDC00", "\n");
    fc.assert(fc.property(fc.array(unit, { maxLength: 30 }), (units) => expectAgreement(units.join(""))));
  });

  it("refuses offsets that are not whole numbers", () => {
    expect(createCodePointConverter("abc")(1.5)).toBeNull();
    expect(createCodePointConverter("a𝔄c")(1.5)).toBeNull();
  });
});

describe("createUtf16Converter", () => {
  function canonicalUtf16(text: string, codePoints: number): number | null {
    try {
      return codePointToUtf16Offset(text, codePoints);
    } catch {
      return null;
    }
  }

  it("agrees with codePointToUtf16Offset on every offset, astral characters included", () => {
    for (const text of ["", "plain text", "Съезд 𝔄 1925 😀😀 end", "😀"]) {
      const convert = createUtf16Converter(text);
      const length = [...text].length;
      for (let offset = -1; offset <= length + 1; offset += 1) expect(convert(offset), `offset ${offset} of ${JSON.stringify(text)}`).toBe(canonicalUtf16(text, offset));
    }
  });

  it("is the inverse of createCodePointConverter on generated texts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const toCodePoint = createCodePointConverter(text);
        const toUtf16 = createUtf16Converter(text);
        for (let offset = 0; offset <= text.length; offset += 1) {
          const codePoint = toCodePoint(offset);
          if (codePoint !== null) expect(toUtf16(codePoint)).toBe(offset);
        }
      }),
    );
  });
});
