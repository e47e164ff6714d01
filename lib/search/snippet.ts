/**
 * Hits marked in text, and the snippet shown for them. FTS5's highlight() marks hits with two
 * characters a document's text never holds (normaliseDocumentText refuses C0 controls);
 * readMarkedText takes them out again and keeps where the hits were, in UTF-16 offsets of the
 * unmarked text. Snippets are cut between whole characters (never between the halves of an
 * astral character, never before a combining mark) and, where one is near, at a space.
 */
export const HIT_OPEN = "\u0001";
export const HIT_CLOSE = "\u0002";

export interface Range {
  start: number;
  end: number;
}

export function readMarkedText(marked: string): { text: string; hits: Range[] } {
  let text = "";
  const hits: Range[] = [];
  let open = -1;
  let from = 0;
  for (let i = 0; i < marked.length; i += 1) {
    const character = marked[i];
    if (character !== HIT_OPEN && character !== HIT_CLOSE) continue;
    text += marked.slice(from, i);
    from = i + 1;
    if (character === HIT_OPEN) open = text.length;
    else if (open >= 0) {
      if (text.length > open) hits.push({ start: open, end: text.length });
      open = -1;
    }
  }
  text += marked.slice(from);
  return { text, hits: mergeTouching(hits) };
}

/** FTS5 marks each token of a phrase: "settled" "accounts" become one hit when only spaces part them. */
function mergeTouching(hits: Range[]): Range[] {
  const merged: Range[] = [];
  for (const hit of hits) {
    const last = merged.at(-1);
    if (last && hit.start - last.end <= 1) last.end = Math.max(last.end, hit.end);
    else merged.push({ ...hit });
  }
  return merged;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Text was left out before / after the snippet. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const COMBINING_MARK = /\p{M}/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The nearest offset at or before `offset` that starts a whole character (not a low surrogate, not a combining mark). */
function characterStart(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (at > 0 && at < text.length && (isLowSurrogate(text.charCodeAt(at)) || COMBINING_MARK.test(text[at]!))) at -= 1;
  return at;
}

/** The nearest offset at or after `offset` that starts a whole character. */
function characterEnd(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (at < text.length && at > 0 && (isLowSurrogate(text.charCodeAt(at)) || COMBINING_MARK.test(text[at]!))) at += 1;
  return at;
}

/**
 * A window of about `length` characters of `text` around its first hit (and the hits after it
 * that fit), as plain and marked parts. Without hits, the text's opening.
 */
export function buildSnippet(text: string, hits: readonly Range[], length = 220): Snippet {
  const first = hits[0];
  let start = 0;
  let end = Math.min(text.length, length);
  if (first) {
    start = Math.max(0, first.start - Math.floor(length / 3));
    end = Math.min(text.length, start + length);
    start = Math.max(0, Math.min(start, end - length));
    if (first.end > end) end = Math.min(text.length, first.end);
  }
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space - start < 20 && (!first || space < first.start)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start && end - space < 20 && (!first || space >= first.end)) end = space;
  }
  start = characterStart(text, start);
  end = characterEnd(text, end);

  const parts: SnippetPart[] = [];
  let at = start;
  for (const hit of hits) {
    const from = Math.max(hit.start, at);
    const to = Math.min(hit.end, end);
    if (to <= from) continue;
    if (from > at) parts.push({ text: text.slice(at, from), hit: false });
    parts.push({ text: text.slice(from, to), hit: true });
    at = to;
  }
  if (end > at) parts.push({ text: text.slice(at, end), hit: false });
  return { parts, clippedStart: start > 0, clippedEnd: end < text.length };
}
