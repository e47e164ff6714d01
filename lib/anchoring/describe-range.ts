import { splitsSurrogatePair } from "./splits-surrogate-pair";
import { QUOTE_CONTEXT_LENGTH, type TextSelectors } from "./types";

/**
 * The position and quote selectors for text.slice(start, end). The context is cut short rather
 * than split an astral character: a lone surrogate would not survive being stored as UTF-8.
 */
export function describeRange(text: string, start: number, end: number, contextLength = QUOTE_CONTEXT_LENGTH): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`A range needs whole-number offsets; got start ${start} and end ${end}.`);
  }
  if (start < 0 || end > text.length) {
    throw new RangeError(`The range ${start}–${end} lies outside the text, which has ${text.length} characters.`);
  }
  if (start >= end) throw new RangeError(`The range ${start}–${end} is empty: its start must come before its end.`);
  for (const offset of [start, end]) {
    if (splitsSurrogatePair(text, offset)) {
      throw new RangeError(`Offset ${offset} falls between the two halves of one character (a surrogate pair).`);
    }
  }
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`The context length must be a whole number of at least 0; got ${contextLength}.`);
  }
  let prefixStart = Math.max(0, start - contextLength);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + contextLength);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    position: { start, end },
    quote: { exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
  };
}
