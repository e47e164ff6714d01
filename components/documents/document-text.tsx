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
      {blocks.map((block) => {
        const offsets = { "data-start": block.start, "data-end": block.end };
        const content = marks.length > 0 ? markedPieces(text, block, marks, "span") : block.text;
        if (block.role === "heading") {
          return (
            <h2 key={block.start} className="block-heading" {...offsets}>
              {content}
            </h2>
          );
        }
        return (
          <p key={block.start} className={block.role === "footnote" ? "block-footnote" : undefined} {...offsets}>
            {content}
          </p>
        );
      })}
    </div>
  );
}
