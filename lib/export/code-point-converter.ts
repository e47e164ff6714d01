import { splitsSurrogatePair } from "../anchoring/splits-surrogate-pair";

/** Maps a UTF-16 offset of one text to its code-point offset, or null when it has none. */
export type CodePointConverter = (utf16Offset: number) => number | null;

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A converter for many offsets into one text. `utf16ToCodePointOffset` walks the text from the
 * start on every call, which makes an export of n annotations on one long text quadratic; this
 * one pays one walk per text. Texts without astral characters (most of the corpus) need no walk
 * at all. It counts exactly as `utf16ToCodePointOffset` in lib/anchoring/code-points.ts does, on
 * the same surrogate-pair test (the test file checks every offset against it).
 */
export function createCodePointConverter(text: string): CodePointConverter {
  const isOffset = (offset: number) => Number.isInteger(offset) && offset >= 0 && offset <= text.length;
  if (!SURROGATE.test(text)) return (offset) => (isOffset(offset) ? offset : null);

  let codePointsBefore: Uint32Array | null = null; // built on first use: some exports never ask
  return (offset) => {
    if (!isOffset(offset) || splitsSurrogatePair(text, offset)) return null;
    codePointsBefore ??= buildCodePointTable(text);
    return codePointsBefore[offset] ?? null;
  };
}

function buildCodePointTable(text: string): Uint32Array {
  const table = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let offset = 1; offset <= text.length; offset += 1) {
    if (!splitsSurrogatePair(text, offset)) codePoints += 1;
    table[offset] = codePoints;
  }
  return table;
}

/** The other way: a code-point offset of one text to its UTF-16 offset, or null past the end. */
export type Utf16Converter = (codePointOffset: number) => number | null;

/** As createCodePointConverter, for readers of W3C positions: one walk per text, at most. */
export function createUtf16Converter(text: string): Utf16Converter {
  if (!SURROGATE.test(text)) return (offset) => (Number.isInteger(offset) && offset >= 0 && offset <= text.length ? offset : null);
  let unitsBefore: number[] | null = null;
  return (offset) => {
    if (!Number.isInteger(offset) || offset < 0) return null;
    unitsBefore ??= buildUtf16Table(text);
    return unitsBefore[offset] ?? null;
  };
}

function buildUtf16Table(text: string): number[] {
  const table = [0];
  for (let offset = 1; offset <= text.length; offset += 1) {
    if (!splitsSurrogatePair(text, offset)) table.push(offset);
  }
  return table;
}
