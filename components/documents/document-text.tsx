import { splitParagraphs, type TextBlock } from "@/lib/documents/split-paragraphs";

/**
 * The source's text in reading form: one element per blank-line-separated block, each carrying its
 * offsets into the text (data-start/data-end) so annotations can be placed on it.
 */
export function DocumentText({ text, blocks = splitParagraphs(text) }: { text: string; blocks?: TextBlock[] }) {
  return (
    <div className="reading" lang="en">
      {blocks.map((block) => {
        const offsets = { "data-start": block.start, "data-end": block.end };
        if (block.role === "heading") {
          return (
            <h2 key={block.start} className="block-heading" {...offsets}>
              {block.text}
            </h2>
          );
        }
        return (
          <p key={block.start} className={block.role === "footnote" ? "block-footnote" : undefined} {...offsets}>
            {block.text}
          </p>
        );
      })}
    </div>
  );
}
