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

/** The label of the page holding `offset`, or null when the text has no pages. */
export function pageAt(breaks: readonly PageBreak[], offset: number): string | null {
  let label: string | null = null;
  for (const page of breaks) {
    if (page.offset > offset) break;
    label = page.label;
  }
  return label;
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
