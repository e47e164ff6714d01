import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf16ToCodePointOffset } from "../anchoring/code-points";
import { createCodePointConverter } from "./code-point-converter";

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
