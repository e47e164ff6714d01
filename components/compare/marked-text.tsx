import { splitTextBlocks } from "@/lib/documents/split-text-blocks";
import { BlockElement } from "@/components/documents/document-text";
import { markedPieces, type Mark } from "@/components/documents/marked-pieces";

export type { Mark };

/** A document's text in blocks with the given spans marked (overlaps nest; see markedPieces). */
export function MarkedText({ text, marks }: { text: string; marks: Mark[] }) {
  const blocks = splitTextBlocks(text);
  return (
    <div className="reading compare-reading">
      {blocks.map((block) => (
        <BlockElement key={block.start} block={block}>
          {markedPieces(text, block, marks, "mark")}
        </BlockElement>
      ))}
    </div>
  );
}
