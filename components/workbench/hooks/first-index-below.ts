/**
 * The first of `count` items in vertical order whose bottom edge lies below `top` (binary search:
 * a long text has thousands of blocks); `count - 1` when none does, 0 when there are none. Used to
 * find the first block showing in the window (`top` 0, the window's top edge).
 */
export function firstIndexBelow(count: number, bottomOf: (index: number) => number, top = 0): number {
  let low = 0;
  let high = Math.max(count - 1, 0);
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bottomOf(middle) > top) high = middle;
    else low = middle + 1;
  }
  return low;
}
