import type { ReactNode } from "react";
import { splitParagraphs, type TextBlock } from "@/lib/documents/split-paragraphs";
import { markedPieces, type Mark } from "./marked-pieces";

/**
 * The source's text in reading form: one element per blank-line-separated block, each carrying its
 * offsets into the text (data-start/data-end) so annotations can be placed on it, with `marks`
 * (highlights) drawn as nested spans.
 */
export function DocumentText({ text, blocks = splitParagraphs(text), marks = [] }: { text: string; blocks?: TextBlock[]; marks?: readonly Mark[] }) {
  return (
    <div className="reading" lang="en">
      {blocks.map((block) => (
        <BlockElement key={block.start} block={block} withOffsets>
          {marks.length > 0 ? markedPieces(text, block, marks, "span") : block.text}
        </BlockElement>
      ))}
    </div>
  );
}

/**
 * One block of a source's text as its element: a heading, a footnote or a paragraph; with its
 * offsets into the text (data-start/data-end) when `withOffsets`.
 */
export function BlockElement({ block, withOffsets = false, children }: { block: TextBlock; withOffsets?: boolean; children: ReactNode }) {
  const Tag = block.role === "heading" ? "h2" : "p";
  const className = block.role === "heading" ? "block-heading" : block.role === "footnote" ? "block-footnote" : undefined;
  const offsets = withOffsets ? { "data-start": block.start, "data-end": block.end } : {};
  return (
    <Tag className={className} {...offsets}>
      {children}
    </Tag>
  );
}
