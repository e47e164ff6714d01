import { splitTextBlocks, type TextBlock } from "./split-text-blocks";

/** About two screens of text: what the server draws before the reader has loaded the whole text. */
export const FIRST_SCREEN_CHARS = 6_000;

export interface FirstScreen {
  /** The opening blocks, up to (and including) the block that passes FIRST_SCREEN_CHARS characters. */
  blocks: TextBlock[];
  /** Whether blocks follow them (the reader says it is loading the rest). */
  more: boolean;
}

/** The first blocks of `blocks`, up to (and including) the block that passes `chars` characters. */
export function openingBlocks(blocks: readonly TextBlock[], chars: number): TextBlock[] {
  let seen = 0;
  let count = 0;
  while (count < blocks.length && seen < chars) seen += blocks[count++]?.text.length ?? 0;
  return blocks.slice(0, count);
}

// Per revision id: a revision's text never changes, so neither do its opening blocks.
const MAX_CACHED = 2_000;
const cache = new Map<string, FirstScreen>();

/**
 * The opening of a revision's text as the server draws it, split once per revision (splitting a
 * 1 MB text on every page view would cost more than the rest of the page). Least recently used
 * entries go first beyond MAX_CACHED revisions.
 */
export function firstScreenBlocks(revisionId: string, text: string): FirstScreen {
  const hit = cache.get(revisionId);
  if (hit) {
    cache.delete(revisionId);
    cache.set(revisionId, hit);
    return hit;
  }
  // Only the opening is split: enough characters that the block passing the limit is complete.
  const head = openingBlocks(splitTextBlocks(text.slice(0, nextBlankLine(text, FIRST_SCREEN_CHARS * 2))), FIRST_SCREEN_CHARS);
  const last = head.at(-1);
  const screen = { blocks: head, more: last !== undefined && text.slice(last.end).trim().length > 0 };
  cache.set(revisionId, screen);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return screen;
}

/** The offset of the first blank line at or after `from` (a block boundary), else the text's length. */
function nextBlankLine(text: string, from: number): number {
  const match = /\n[ \t]*\n/g;
  match.lastIndex = Math.min(from, text.length);
  const found = match.exec(text);
  return found ? found.index : text.length;
}
