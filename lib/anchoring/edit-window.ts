import type { ChangedRegion } from "./map-offset-through-region";

/**
 * The stretch of the new text an annotation may occupy after an edit: its old span together with
 * the edited region, mapped through the edit. When the two meet (overlap or touch) that is one
 * stretch, from the earlier start to the later end, the region's new text included; when they do
 * not, the edit cannot reach the annotation and it is its old span, shifted. A re-anchored span may
 * shrink within it, or follow text typed into it, but never takes in a character outside it.
 * Offsets are plain integers: text offsets on the server, ProseMirror positions in the editor.
 */
export function editWindow(start: number, end: number, region: ChangedRegion): { lo: number; hi: number } {
  const delta = region.newTo - region.to;
  const shift = (offset: number) => (offset >= region.to ? offset + delta : offset);
  if (region.from > end || region.to < start) return { lo: shift(start), hi: shift(end) };
  return { lo: Math.min(start, region.from), hi: end >= region.to ? end + delta : region.newTo };
}
