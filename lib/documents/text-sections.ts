import type { TextBlock } from "./split-text-blocks";

/**
 * A run of consecutive blocks that is edited as one piece. Editing a long source one section at a
 * time keeps the editable region small: a browser typing into a contenteditable that holds a whole
 * 1 MB transcription stalls for hundreds of milliseconds (see `npm run bench`), one holding a
 * section does not.
 */
export interface TextSection {
  index: number;
  /** Indexes of its first and last block (inclusive). */
  firstBlock: number;
  lastBlock: number;
  /** Its span in the text: from its first block's start to its last block's end. */
  start: number;
  end: number;
}

export const SECTION_LIMITS = { maxBlocks: 30, maxChars: 20_000 };

/**
 * Groups blocks into sections: a heading opens a new section, and a section closes before it would
 * pass `maxBlocks` blocks or `maxChars` characters (a single longer block is a section of its own).
 */
export function splitSections(blocks: readonly TextBlock[], limits = SECTION_LIMITS): TextSection[] {
  const sections: TextSection[] = [];
  let first = 0;
  let chars = 0;
  const close = (last: number) => {
    const from = blocks[first];
    const to = blocks[last];
    if (from && to) sections.push({ index: sections.length, firstBlock: first, lastBlock: last, start: from.start, end: to.end });
  };
  blocks.forEach((block, i) => {
    const length = block.end - block.start;
    const full = i > first && (block.role === "heading" || i - first >= limits.maxBlocks || chars + length > limits.maxChars);
    if (full) {
      close(i - 1);
      first = i;
      chars = 0;
    }
    chars += length;
  });
  if (blocks.length > 0) close(blocks.length - 1);
  return sections;
}

/** The section holding a text offset (an offset between sections belongs to the one after it). */
export function sectionAt(sections: readonly TextSection[], offset: number): TextSection | undefined {
  let low = 0;
  let high = sections.length - 1;
  let found = sections[0];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const section = sections[middle];
    if (!section) break;
    if (section.start <= offset) {
      found = section;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const next = found ? sections[found.index + 1] : undefined;
  return found && offset > found.end && next ? next : found;
}

/** The whole text with one section's span replaced: everything outside it is kept byte for byte. */
export function replaceSection(text: string, section: Pick<TextSection, "start" | "end">, sectionText: string): string {
  return text.slice(0, section.start) + sectionText + text.slice(section.end);
}
