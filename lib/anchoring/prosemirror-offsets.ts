export interface OffsetMap {
  /** The ProseMirror position of a text offset; `side` says which block an offset between blocks joins. */
  textToPm(offset: number, side: "start" | "end"): number;
  /** The text offset of a ProseMirror position; positions between blocks go to the nearest block edge. */
  pmToText(pos: number): number;
  /** The position where block `index`'s content starts. */
  blockContentStart(index: number): number;
}

/**
 * Maps text offsets to positions in the reading view's ProseMirror document, which holds one
 * textblock per block of the text (splitTextBlocks) and nothing else, so block i's content starts
 * at 1 + Σ_{j<i} (length_j + 2) — each block adds its characters plus its opening and closing
 * token. The blank lines between blocks are not in the document.
 *
 * An offset in such a gap maps to the next block's start for side "start" (a highlight starting
 * there begins with the next block) and the previous block's end for side "end"; offsets before
 * the first block or after the last go to the nearest edge. A position between blocks maps to the
 * end of the block before it. Lookups are binary searches: documents can have 20,000 blocks.
 */
export function createOffsetMap(blocks: readonly { start: number; end: number }[]): OffsetMap {
  const count = blocks.length;
  const textStarts = new Float64Array(count);
  const textEnds = new Float64Array(count);
  const contentStarts = new Float64Array(count);
  let pos = 1;
  let previousEnd = 0;
  blocks.forEach((block, i) => {
    if (!Number.isInteger(block.start) || !Number.isInteger(block.end) || block.start > block.end || block.start < previousEnd) {
      throw new RangeError(`Block ${i} (${block.start}–${block.end}) is not a span after the block before it.`);
    }
    textStarts[i] = block.start;
    textEnds[i] = block.end;
    contentStarts[i] = pos;
    pos += block.end - block.start + 2;
    previousEnd = block.end;
  });
  const at = (array: Float64Array, i: number) => array[i] ?? 0;

  /** The first index whose value is greater than `value` (array sorted ascending). */
  const firstAbove = (array: Float64Array, value: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(array, mid) > value) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const checkOffset = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} ${value} must be a whole number of at least 0.`);
  };

  return {
    textToPm(offset, side) {
      checkOffset("Text offset", offset);
      if (count === 0) return 1;
      if (side === "start") {
        // The first block that ends after the offset holds the character at it.
        const i = firstAbove(textEnds, offset);
        if (i === count) return at(contentStarts, count - 1) + at(textEnds, count - 1) - at(textStarts, count - 1);
        return at(contentStarts, i) + Math.max(0, offset - at(textStarts, i));
      }
      // The last block that starts before the offset holds the character before it.
      const i = firstAbove(textStarts, offset - 1) - 1;
      if (i < 0) return at(contentStarts, 0);
      return at(contentStarts, i) + Math.min(offset, at(textEnds, i)) - at(textStarts, i);
    },
    pmToText(pos) {
      checkOffset("Position", pos);
      if (count === 0) return 0;
      const i = firstAbove(contentStarts, pos) - 1;
      if (i < 0) return at(textStarts, 0);
      return at(textStarts, i) + Math.min(pos - at(contentStarts, i), at(textEnds, i) - at(textStarts, i));
    },
    blockContentStart(index) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`There is no block ${index}; the document has ${count}.`);
      return at(contentStarts, index);
    },
  };
}
