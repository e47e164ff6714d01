import type { SourceBlock } from "./parsed-document";

/** One line of a PDF page as pdf.js finds it: text, baseline height (y, up is larger) and font size. */
export interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** A text run of pdf.js's getTextContent, reduced to what layout needs. */
export interface PdfRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  hasEOL: boolean;
}

/** Runs in content order → lines: a new line where the baseline moves or pdf.js marks an end of line. */
export function runsToLines(runs: readonly PdfRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let text = "";
  let y = 0;
  let size = 0;
  let right = Number.NEGATIVE_INFINITY;
  const push = () => {
    if (text.trim()) lines.push({ text: text.replace(/\s+/g, " ").trim(), y, size });
    text = "";
    right = Number.NEGATIVE_INFINITY;
  };
  for (const run of runs) {
    if (text && Math.abs(run.y - y) > Math.max(run.size, size, 1) * 0.5) push();
    if (run.str) {
      if (!text) {
        y = run.y;
        size = run.size;
      } else if (run.x - right > run.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(run.str)) {
        text += " ";
      }
      text += run.str;
      size = Math.max(size, run.size);
      right = run.x + run.width;
    }
    if (run.hasEOL) push();
  }
  push();
  return lines;
}

const PAGE_NUMBER = /^[-–—\s]*(?:\d{1,4}|[ivxlcdm]{1,8})[-–—\s]*$/i;

/** A header or footer's text with digits masked, so "Chapter 3 · 41" repeats on every page. */
function mask(text: string): string {
  return text.replace(/\d+/g, "#").toLowerCase();
}

/**
 * Drops running headers and footers — a first or last line that repeats (digits aside) on at least
 * half the pages, when there are three or more — and lone page numbers at the top or bottom.
 */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const count = (pick: (lines: PdfLine[]) => PdfLine | undefined) => {
    const counts = new Map<string, number>();
    for (const lines of pages) {
      const line = pick(lines);
      if (line) counts.set(mask(line.text), (counts.get(mask(line.text)) ?? 0) + 1);
    }
    return counts;
  };
  const threshold = Math.max(3, Math.ceil(pages.length / 2));
  const repeated = (counts: Map<string, number>, line: PdfLine | undefined) => line !== undefined && (counts.get(mask(line.text)) ?? 0) >= threshold;
  const firsts = count((lines) => lines[0]);
  const lasts = count((lines) => lines.at(-1));
  const seconds = count((lines) => lines[1]);
  const penultimates = count((lines) => lines.at(-2));
  return pages.map((lines) => {
    let from = 0;
    let to = lines.length;
    // Up to two header lines (title, then page number) and two footer lines.
    if (from < to && (repeated(firsts, lines[from]) || PAGE_NUMBER.test(lines[from]!.text))) from += 1;
    if (from < to && from === 1 && (repeated(seconds, lines[from]) || PAGE_NUMBER.test(lines[from]!.text))) from += 1;
    if (to > from && (repeated(lasts, lines[to - 1]) || PAGE_NUMBER.test(lines[to - 1]!.text))) to -= 1;
    if (to > from && to === lines.length - 1 && (repeated(penultimates, lines[to - 1]) || PAGE_NUMBER.test(lines[to - 1]!.text))) to -= 1;
    return lines.slice(from, to);
  });
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Lines → blocks, page by page: a new block where the gap between lines is clearly wider than the
 * body's line spacing or the font size changes; larger type is a heading, smaller type under the
 * body a footnote. A word hyphenated at a line's end is joined ("indus-" + "trialisation").
 */
export function linesToBlocks(pages: readonly PdfLine[][], labels: readonly string[]): SourceBlock[] {
  const all = pages.flat();
  const bodySize = median(all.map((line) => Math.round(line.size * 10) / 10));
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i += 1) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && Math.abs(lines[i]!.size - bodySize) < bodySize * 0.1) gaps.push(gap);
    }
  }
  const lineGap = median(gaps) || bodySize * 1.2;
  const roleOf = (size: number): SourceBlock["role"] => (size >= bodySize * 1.15 ? "heading" : size <= bodySize * 0.88 ? "footnote" : "body");

  const blocks: SourceBlock[] = [];
  pages.forEach((lines, index) => {
    const page = labels[index] ?? String(index + 1);
    let current: { text: string; role: SourceBlock["role"]; last: PdfLine } | null = null;
    const flush = () => {
      if (current) blocks.push({ text: current.text, role: current.role, page });
      current = null;
    };
    for (const line of lines) {
      const role = roleOf(line.size);
      if (current) {
        const gap = current.last.y - line.y;
        const newBlock = role !== current.role || gap > lineGap * 1.35 || gap < 0;
        if (newBlock) flush();
      }
      if (!current) {
        current = { text: line.text, role, last: line };
        continue;
      }
      current.text = joinLines(current.text, line.text);
      current.last = line;
    }
    flush();
  });
  return blocks;
}

/** Two lines of one paragraph: a line-end hyphen before a lower-case letter joins the word. */
export function joinLines(before: string, after: string): string {
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after)) return before.slice(0, -1) + after;
  return `${before} ${after}`;
}
