import type { Node as PmNode } from "@tiptap/pm/model";

/** A run of top-level blocks, by index, both ends included. */
export interface BlockRange {
  from: number;
  to: number;
}

const startsByDoc = new WeakMap<PmNode, number[]>();

/** Where each top-level block of `doc` starts (its position before the block), computed once per document. */
export function blockStarts(doc: PmNode): number[] {
  let starts = startsByDoc.get(doc);
  if (!starts) {
    const found: number[] = [];
    doc.forEach((_node, offset) => found.push(offset));
    starts = found;
    startsByDoc.set(doc, starts);
  }
  return starts;
}

/** The index of the top-level block holding `pos` (the last block for the end of the document). */
export function blockIndexAt(doc: PmNode, pos: number): number {
  const starts = blockStarts(doc);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= pos) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The blocks to build: the viewport's range plus `extra` blocks (nulls ignored), in order, each once, within `count`. */
export function nearBlocks(viewport: BlockRange, extra: readonly (number | null)[], count: number): number[] {
  const near = new Set<number>();
  for (let index = Math.max(0, viewport.from); index <= Math.min(count - 1, viewport.to); index++) near.add(index);
  for (const index of extra) if (index !== null && index >= 0 && index < count) near.add(index);
  return [...near].sort((a, b) => a - b);
}
