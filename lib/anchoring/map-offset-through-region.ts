/** One changed stretch: old text [from, to) became new text [from, newTo). */
export interface ChangedRegion {
  from: number;
  to: number;
  newTo: number;
}

/**
 * Where an old-text offset lands after the change, as ProseMirror maps positions through a step:
 * offsets up to the region's start stay, offsets from its end shift by the change in length, and
 * offsets strictly inside go to the new start (assoc −1) or new end (assoc 1). At a pure insertion
 * point, assoc says which side of the inserted text the offset keeps to.
 */
export function mapOffsetThroughRegion(offset: number, assoc: -1 | 1, region: ChangedRegion): number {
  if (offset < region.from) return offset;
  if (offset > region.to) return offset + (region.newTo - region.to);
  const side = region.from === region.to ? assoc : offset === region.from ? -1 : offset === region.to ? 1 : assoc;
  return side < 0 ? region.from : region.newTo;
}
