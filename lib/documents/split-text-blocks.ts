/**
 * Splits a document's text into the blocks the reader shows, keeping each block's offsets into the
 * text, so highlights can later be placed by offset. Blocks are separated by blank lines.
 *
 * Roles are a reading aid only: a short line without closing punctuation reads as a heading, and a
 * block opening with a footnote number ("18 See …") as a footnote — sources like 003 carry
 * footnotes interleaved with the body at page breaks.
 */
export interface TextBlock {
  start: number;
  end: number;
  text: string;
  role: "heading" | "footnote" | "body";
}

const FOOTNOTE = /^\d{1,3}\s+\S/;

export function splitTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) blocks.push({ start: from + lead, end: from + lead + body.length, text: body, role: roleOf(body) });
  };
  for (const match of text.matchAll(separator)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return blocks;
}

function roleOf(block: string): TextBlock["role"] {
  if (FOOTNOTE.test(block)) return "footnote";
  // A closing note call ("… the task.[1]") does not make a sentence a heading.
  if (block.length <= 90 && !block.includes("\n") && !/[.,;:!?…”"](\[\d{1,3}\])?$/.test(block)) return "heading";
  return "body";
}
