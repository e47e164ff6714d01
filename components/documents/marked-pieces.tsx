import { Fragment, type ReactNode } from "react";

export interface Mark {
  id: string;
  start: number;
  end: number;
  className: string;
}

/**
 * One block's text with the given spans marked, as nested elements: marks are cut at the block's
 * edges and may overlap (where two cross, the text is split into segments and each segment is
 * wrapped once per mark covering it, so the tints layer).
 */
export function markedPieces(text: string, block: { start: number; end: number }, marks: readonly Mark[], element: "mark" | "span"): ReactNode[] {
  const inBlock = marks.filter((m) => m.start < block.end && m.end > block.start);
  if (inBlock.length === 0) return [text.slice(block.start, block.end)];
  const cuts = new Set([block.start, block.end]);
  for (const m of inBlock) {
    cuts.add(Math.max(m.start, block.start));
    cuts.add(Math.min(m.end, block.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: ReactNode[] = [];
  const Element = element;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let piece: ReactNode = text.slice(from, to);
    for (const m of inBlock) {
      if (m.start > from || m.end < to) continue;
      piece = (
        <Element className={m.className} data-mark-id={m.id}>
          {piece}
        </Element>
      );
    }
    pieces.push(<Fragment key={from}>{piece}</Fragment>);
  }
  return pieces;
}
