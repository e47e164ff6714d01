/**
 * Selectors as stored with an annotation. Offsets are UTF-16 code-unit offsets (JS string indices)
 * into the document's plain text; the W3C model counts code points, see code-points.ts.
 */
export interface TextPositionSelector {
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Characters of prefix and suffix kept with a quote. */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Below this similarity an annotation becomes an orphan rather than moving. */
export const DEFAULT_MIN_SCORE = 0.75;

/** The smallest distance either side of the hint that a quote is searched for. */
export const MIN_SEARCH_RADIUS = 2000;
