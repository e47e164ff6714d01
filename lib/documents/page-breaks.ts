import type { TextEdit } from "../anchoring/map-offset-through-edit";

/** A page of the source starting at `offset` (UTF-16 units into a revision's text), as the source labels it. */
export type PageBreak = { offset: number; label: string };

/** Page breaks as stored: in range, increasing, labels short; anything else is dropped. */
export function validPageBreaks(breaks: readonly PageBreak[], textLength: number): PageBreak[] {
  const out: PageBreak[] = [];
  for (const page of breaks) {
    if (!Number.isInteger(page.offset) || page.offset < 0 || page.offset > textLength) continue;
    if (out.length > 0 && page.offset <= out.at(-1)!.offset) continue;
    const label = String(page.label).trim().slice(0, 20);
    if (label) out.push({ offset: page.offset, label });
  }
  return out;
}

/** A revision's stored page breaks (a JSON column) read back, tolerating anything malformed. */
export function readPageBreaks(value: unknown, textLength: number): PageBreak[] {
  if (!Array.isArray(value)) return [];
  const breaks = value.filter((v): v is PageBreak => typeof v === "object" && v !== null && typeof (v as PageBreak).offset === "number" && typeof (v as PageBreak).label === "string");
  return validPageBreaks(breaks, textLength);
}

/** Page breaks carried into an edited text: each moves with the text after it. */
export function mapPageBreaks(breaks: readonly PageBreak[], edit: TextEdit, newLength: number): PageBreak[] {
  return validPageBreaks(
    breaks.map((page) => ({ offset: edit.mapOffset(page.offset, 1), label: page.label })),
    newLength,
  );
}

/** Index of the last break at or before `offset` (breaks are increasing), or -1. Binary search. */
function breakIndexAt(breaks: readonly PageBreak[], offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (breaks[middle]!.offset <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The label of the page holding `offset`, or null when the text has no pages (or the offset comes before the first). */
export function pageAt(breaks: readonly PageBreak[], offset: number): string | null {
  const index = breakIndexAt(breaks, offset);
  return index < 0 ? null : breaks[index]!.label;
}

/**
 * The page or pages a span `[start, end)` of the text lies on: "12", or "12–13" when it runs on
 * past a page break. Null when the text has no pages there. The one "page of offset" every
 * citation, export and search hit uses.
 */
export function pagesOfSpan(breaks: readonly PageBreak[], start: number, end: number = start): string | null {
  const first = breakIndexAt(breaks, start);
  // The span's last character is at end - 1; an empty span sits on the page of its start.
  const last = Math.max(first, breakIndexAt(breaks, Math.max(start, end - 1)));
  if (last < 0) return null;
  const firstLabel = first < 0 ? null : breaks[first]!.label;
  const lastLabel = breaks[last]!.label;
  return firstLabel === null || firstLabel === lastLabel ? lastLabel : `${firstLabel}–${lastLabel}`;
}

/** How a historian cites pages: "p. 12", "pp. 12–13"; null without pages. */
export function citePages(pages: string | null): string | null {
  if (pages === null) return null;
  return pages.includes("–") ? `pp. ${pages}` : `p. ${pages}`;
}

/** A page of the source starting in the block at `block` (its index among the text's blocks). */
export type PageMarker = { block: number; label: string };

/** Which block each page break falls in: the block holding its offset, or the next one. */
export function pageMarkersForBlocks(blocks: readonly { start: number; end: number }[], breaks: readonly { offset: number; label: string }[]): PageMarker[] {
  const markers: PageMarker[] = [];
  let block = 0;
  for (const page of breaks) {
    while (block < blocks.length && blocks[block]!.end <= page.offset) block += 1;
    if (block < blocks.length) markers.push({ block, label: page.label });
  }
  return markers;
}

/** Each block's margin label: "12", or "12–13" when more than one page starts in it. */
export function pageLabelsByBlock(markers: readonly PageMarker[]): Map<number, string> {
  const byBlock = new Map<number, string>();
  for (const marker of markers) {
    const before = byBlock.get(marker.block);
    byBlock.set(marker.block, before ? `${before.split("–")[0]}–${marker.label}` : marker.label);
  }
  return byBlock;
}
