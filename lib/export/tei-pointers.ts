import type { CodePointConverter } from "./code-point-converter";
import type { ExportAnnotation } from "./export-model";
import type { Paragraph } from "./split-verbatim-paragraphs";

/** The xml:id of the n-th paragraph (0-based index) in the TEI body. */
export function paragraphId(index: number): string {
  return `p${index + 1}`;
}

/**
 * TEI pointers for an annotation's span, one `#string-range(pN,offset,length)` per paragraph it
 * touches. Offsets and lengths count code points from the start of the paragraph's text, as XPath
 * string functions do. The blank lines between paragraphs are in no `<p>`, so a span across
 * paragraphs becomes several ranges that leave them out. Empty when the span cannot be placed on
 * this text (an orphan, a stale row, an empty span).
 */
export function teiPointersFor(annotation: ExportAnnotation, text: string, paragraphs: readonly Paragraph[], toCodePoint: CodePointConverter): string[] {
  const { start, end } = annotation;
  if (annotation.anchorStatus !== "ANCHORED" || start >= end || text.slice(start, end) !== annotation.exact) return [];
  const pointers: string[] = [];
  for (let index = firstParagraphEndingAfter(paragraphs, start); index < paragraphs.length; index += 1) {
    const paragraph = paragraphs[index];
    if (!paragraph || paragraph.start >= end) break;
    const pointer = stringRange(index, paragraph, Math.max(start, paragraph.start), Math.min(end, paragraph.end), toCodePoint);
    if (pointer) pointers.push(pointer);
  }
  return pointers;
}

function stringRange(index: number, paragraph: Paragraph, from: number, to: number, toCodePoint: CodePointConverter): string | null {
  const paragraphStart = toCodePoint(paragraph.start);
  const fromCodePoint = toCodePoint(from);
  const toCodePointOffset = toCodePoint(to);
  if (from >= to || paragraphStart === null || fromCodePoint === null || toCodePointOffset === null) return null;
  return `#string-range(${paragraphId(index)},${fromCodePoint - paragraphStart},${toCodePointOffset - fromCodePoint})`;
}

/** Binary search: paragraphs are sorted and disjoint. */
function firstParagraphEndingAfter(paragraphs: readonly Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((paragraphs[middle]?.end ?? Infinity) > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}
