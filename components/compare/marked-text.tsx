import { Fragment, type ReactNode } from "react";
import { splitParagraphs } from "@/lib/documents/split-paragraphs";

export interface Mark {
  id: string;
  start: number;
  end: number;
  className: string;
}

/**
 * A document's text in blocks with the given spans marked. Marks are cut at block edges and may
 * overlap (a later mark nests inside an earlier one where they cross, by splitting into segments).
 */
export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const blocks = splitParagraphs(text);
  return (
    <div className="reading compare-reading">
      {blocks.map((block) => {
        const inBlock = marks.filter((m) => m.start < block.end && m.end > block.start);
        const cuts = new Set([block.start, block.end]);
        for (const m of inBlock) {
          cuts.add(Math.max(m.start, block.start));
          cuts.add(Math.min(m.end, block.end));
        }
        const points = [...cuts].sort((a, b) => a - b);
        const pieces: ReactNode[] = [];
        for (let i = 0; i < points.length - 1; i++) {
          const from = points[i]!;
          const to = points[i + 1]!;
          const covering = inBlock.filter((m) => m.start <= from && m.end >= to);
          let piece: ReactNode = text.slice(from, to);
          for (const m of covering) {
            piece = (
              <mark className={m.className} data-mark-id={m.id}>
                {piece}
              </mark>
            );
          }
          pieces.push(<Fragment key={from}>{piece}</Fragment>);
        }
        const Tag = block.role === "heading" ? "h2" : "p";
        return (
          <Tag key={block.start} className={block.role === "heading" ? "block-heading" : block.role === "footnote" ? "block-footnote" : undefined}>
            {pieces}
          </Tag>
        );
      })}
    </div>
  );
}
