import { describeRange } from "../anchoring/describe-range";
import type { TextSelectors } from "../anchoring/types";
import { AppError } from "../errors";
import { MAX_ANNOTATION_LENGTH } from "../validations/annotation";

/**
 * The selectors for a span the client selected, built from the server's copy of the text. The
 * client's offsets and quote must agree with it: a page showing an older text is told to reload
 * rather than annotate words that have moved.
 */
export function checkSelection(text: string, { start, end, exact }: { start: number; end: number; exact: string }): TextSelectors {
  if (end - start > MAX_ANNOTATION_LENGTH) {
    throw new AppError("INVALID_INPUT", `Select at most ${MAX_ANNOTATION_LENGTH.toLocaleString("en")} characters for one annotation.`);
  }
  let selectors: TextSelectors;
  try {
    selectors = describeRange(text, start, end);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `That selection is not a span of this text (${error instanceof Error ? error.message : "bad offsets"}).`);
  }
  if (selectors.quote.exact.trim() === "") throw new AppError("INVALID_INPUT", "Select some words, not only spaces.");
  if (selectors.quote.exact !== exact) {
    throw new AppError("CONFLICT", "The text on your screen differs from the saved text. Reload the page and select again.");
  }
  return selectors;
}
