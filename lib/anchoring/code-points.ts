import { splitsSurrogatePair } from "./splits-surrogate-pair";

/**
 * The W3C TextPositionSelector counts code points; JS strings count UTF-16 units, and the two
 * differ by one for every astral character (𝔄, most emoji) before the offset.
 */
export function utf16ToCodePointOffset(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`UTF-16 offset ${offset} is outside the text, which has ${text.length} units.`);
  }
  if (splitsSurrogatePair(text, offset)) throw new RangeError(`UTF-16 offset ${offset} falls inside a surrogate pair; it has no code-point offset.`);
  let codePoints = 0;
  for (let i = 0; i < offset; i += 1) {
    if (!splitsSurrogatePair(text, i + 1)) codePoints += 1;
  }
  return codePoints;
}

export function codePointToUtf16Offset(text: string, codePointOffset: number): number {
  if (!Number.isInteger(codePointOffset) || codePointOffset < 0) {
    throw new RangeError(`Code-point offset ${codePointOffset} must be a whole number of at least 0.`);
  }
  let units = 0;
  for (let codePoints = 0; codePoints < codePointOffset; codePoints += 1) {
    if (units >= text.length) throw new RangeError(`Code-point offset ${codePointOffset} is beyond the end of the text, which has ${codePoints} code points.`);
    units += splitsSurrogatePair(text, units + 1) ? 2 : 1;
  }
  return units;
}
