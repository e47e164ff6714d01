import { splitTextBlocks } from "../documents/split-text-blocks";

/** A block of a document's text as the search index keeps it: where it is, and under which heading. */
export interface SearchBlock {
  index: number;
  start: number;
  end: number;
  text: string;
  heading: string | null;
}

/** The blocks the reader sees (lib/documents/split-text-blocks), each with the nearest heading above it. */
export function searchBlocks(text: string): SearchBlock[] {
  let heading: string | null = null;
  return splitTextBlocks(text).map((block, index) => {
    if (block.role === "heading") heading = block.text;
    return { index, start: block.start, end: block.end, text: block.text, heading: block.role === "heading" ? null : heading };
  });
}
