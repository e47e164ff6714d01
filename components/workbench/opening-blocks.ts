import type { TextBlock } from "@/lib/documents/split-text-blocks";

/** About two screens of text: what the server renders before the editor takes over. */
export const FIRST_SCREEN_CHARS = 6_000;

/** The first blocks of a text, up to (and including the block that passes) `chars` characters. */
export function openingBlocks(blocks: TextBlock[], chars: number): TextBlock[] {
  let seen = 0;
  let count = 0;
  while (count < blocks.length && seen < chars) seen += (blocks[count++]?.text.length ?? 0);
  return blocks.slice(0, count);
}
