import { mapOffsetThroughRegion } from "./map-offset-through-region";
import { splitsSurrogatePair } from "./splits-surrogate-pair";

export interface TextEdit {
  /** Where an old-text offset lands in the new text; see mapOffsetThroughRegion. */
  mapOffset(offset: number, assoc: -1 | 1): number;
  /** Old-text offsets of the one changed region: [changedFrom, changedTo). */
  changedFrom: number;
  changedTo: number;
}

/**
 * The change from oldText to newText as one region between their common start and common end
 * (never cutting an astral character in two). Several edits far apart become one large region;
 * re-anchoring searches around the mapped offsets, so that costs precision, not correctness.
 */
export function diffTexts(oldText: string, newText: string): TextEdit {
  const shorter = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  if (splitsSurrogatePair(oldText, prefix) || splitsSurrogatePair(newText, prefix)) prefix -= 1;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix += 1;
  if (splitsSurrogatePair(oldText, oldText.length - suffix) || splitsSurrogatePair(newText, newText.length - suffix)) suffix -= 1;
  const region = { from: prefix, to: oldText.length - suffix, newTo: newText.length - suffix };
  return {
    changedFrom: region.from,
    changedTo: region.to,
    mapOffset(offset, assoc) {
      if (!Number.isInteger(offset) || offset < 0 || offset > oldText.length) {
        throw new RangeError(`Offset ${offset} is not a position in the old text, which has ${oldText.length} characters.`);
      }
      return mapOffsetThroughRegion(offset, assoc, region);
    },
  };
}
