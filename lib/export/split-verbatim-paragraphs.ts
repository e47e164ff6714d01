export interface Paragraph {
  /** UTF-16 offsets into the whole text; `text` is exactly `whole.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
}

/**
 * A line break, then one or more lines holding nothing but spaces or tabs. A CR directly before
 * an LF is half of one CRLF break, never a line of its own.
 */
const LINE_BREAK = String.raw`(?:\r\n|\r(?!\n)|\n)`;
const BLANK_LINES = new RegExp(String.raw`${LINE_BREAK}(?:[^\S\r\n]*${LINE_BREAK})+`, "g");

/**
 * Paragraphs are the runs of text between blank lines, kept character for character (leading
 * indentation and single line breaks included) so that offsets inside a paragraph can be
 * computed from offsets into the whole text. Runs of whitespace only are not paragraphs.
 */
export function splitVerbatimParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const separator of text.matchAll(BLANK_LINES)) {
    pushParagraph(paragraphs, text, start, separator.index);
    start = separator.index + separator[0].length;
  }
  pushParagraph(paragraphs, text, start, text.length);
  return paragraphs;
}

function pushParagraph(paragraphs: Paragraph[], text: string, start: number, end: number) {
  const slice = text.slice(start, end);
  if (slice.trim() !== "") paragraphs.push({ start, end, text: slice });
}
