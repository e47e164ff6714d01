import type { ReactNode } from "react";
import { splitTextBlocks, type TextBlock } from "@/lib/documents/split-text-blocks";
import { pageLabelsByBlock, pageMarkersForBlocks, type PageBreak } from "@/lib/documents/page-breaks";
import { markedPieces, type Mark } from "./marked-pieces";

/**
 * The source's text in reading form: one element per blank-line-separated block, each carrying its
 * offsets into the text (data-start/data-end) so annotations can be placed on it, with `marks`
 * (highlights) drawn as nested spans.
 */
export function DocumentText({
  text,
  blocks = splitTextBlocks(text),
  marks = [],
  pageBreaks = [],
}: {
  text: string;
  blocks?: TextBlock[];
  marks?: readonly Mark[];
  /** Where the source's pages start: the block each starts in is marked "p. N" in the margin. */
  pageBreaks?: readonly PageBreak[];
}) {
  const pages = pageLabelsByBlock(pageMarkersForBlocks(blocks, pageBreaks));
  return (
    <div className="reading" lang="en">
      {blocks.map((block, index) => (
        <BlockElement key={block.start} block={block} withOffsets page={pages.get(index)}>
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
export function BlockElement({ block, withOffsets = false, page, children }: { block: TextBlock; withOffsets?: boolean; page?: string; children: ReactNode }) {
  const Tag = block.role === "heading" ? "h2" : "p";
  const roleClass = block.role === "heading" ? "block-heading" : block.role === "footnote" ? "block-footnote" : undefined;
  const className = page ? [roleClass, "page-start"].filter(Boolean).join(" ") : roleClass;
  const offsets = withOffsets ? { "data-start": block.start, "data-end": block.end } : {};
  return (
    <Tag className={className} {...offsets} {...(page ? { "data-page": page } : {})}>
      {children}
    </Tag>
  );
}
