import { splitParagraphs } from "@/lib/documents/split-paragraphs";
import { markedPieces, type Mark } from "@/components/documents/marked-pieces";

export type { Mark };

/** A document's text in blocks with the given spans marked (overlaps nest; see markedPieces). */
export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const blocks = splitParagraphs(text);
  return (
    <div className="reading compare-reading">
      {blocks.map((block) => {
        const Tag = block.role === "heading" ? "h2" : "p";
        return (
          <Tag key={block.start} className={block.role === "heading" ? "block-heading" : block.role === "footnote" ? "block-footnote" : undefined}>
            {markedPieces(text, block, marks, "mark")}
          </Tag>
        );
      })}
    </div>
  );
}
