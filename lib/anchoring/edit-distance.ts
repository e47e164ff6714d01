import search from "approx-string-match";

/** Up to this many cells of the dynamic-programming table the distance is computed exactly. */
const EXACT_CELL_LIMIT = 250_000;
/** Beyond it, the first string is aligned in chunks of this many characters… */
const CHUNK_LENGTH = 32;
/** …each allowed this many errors where it is found… */
const CHUNK_ERRORS = 8;
/** …within this many characters after the previous chunk. */
const MAX_LOOKAHEAD = 4096;

/**
 * The Levenshtein distance between `a` and `b` if it is at most `maxDistance`, else undefined.
 *
 * The common start and end are stripped first, so strings that differ in one place cost little.
 * When the differing middles are still large (more than 250k table cells) the result is the cost of
 * a chunk-by-chunk alignment: an upper bound, so a caller may reject a match that was good enough
 * but never accepts one that is too different. This keeps a 20,000-character quote cheap to check.
 */
export function editDistance(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number | undefined {
  const shorter = Math.min(a.length, b.length);
  let head = 0;
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head += 1;
  let tail = 0;
  while (tail < shorter - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail += 1;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const within = (distance: number) => (distance <= maxDistance ? distance : undefined);
  if (Math.abs(x.length - y.length) > maxDistance) return undefined;
  if (x.length === 0 || y.length === 0) return within(Math.max(x.length, y.length));
  if (x.length * y.length <= EXACT_CELL_LIMIT) return within(levenshtein(x, y));
  return within(chunkedAlignmentCost(x, y, maxDistance));
}

function levenshtein(x: string, y: string): number {
  const row = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j += 1) row[j] = j;
  for (let i = 1; i <= x.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const code = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j += 1) {
      const above = row[j] ?? 0;
      const left = row[j - 1] ?? 0;
      row[j] = Math.min(above + 1, left + 1, diagonal + (code === y.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[y.length] ?? 0;
}

/**
 * The cost of one valid edit script from x to y, built greedily: each chunk of x is matched
 * approximately a little after the previous one (skipped characters of y count as insertions), or
 * substituted in place when that is cheaper. Stops early once the cost passes `maxDistance`.
 */
function chunkedAlignmentCost(x: string, y: string, maxDistance: number): number {
  let cost = 0;
  let cursor = 0;
  for (let i = 0; i < x.length; i += CHUNK_LENGTH) {
    if (cost > maxDistance) return cost;
    const chunk = x.slice(i, i + CHUNK_LENGTH);
    const available = Math.min(chunk.length, y.length - cursor);
    let bestCost = chunk.length - available;
    for (let j = 0; j < available; j += 1) if (chunk.charCodeAt(j) !== y.charCodeAt(cursor + j)) bestCost += 1;
    let bestEnd = cursor + available;
    const lookahead = Math.min(MAX_LOOKAHEAD, Math.max(0, maxDistance - cost));
    const region = y.slice(cursor, cursor + chunk.length + CHUNK_ERRORS + lookahead);
    if (region) {
      for (const match of search(region, chunk, Math.min(CHUNK_ERRORS, chunk.length))) {
        const matchCost = match.errors + match.start;
        if (matchCost < bestCost) {
          bestCost = matchCost;
          bestEnd = cursor + match.end;
        }
      }
    }
    cost += bestCost;
    cursor = bestEnd;
  }
  return cost + (y.length - cursor);
}
