/** Text on one line, cut to `max` characters with an ellipsis: quotes in cards, banners and messages. */
export function truncate(text: string, max: number): string {
  // A long passage is cut from its opening: flattening a prefix long enough to fill `max` gives the
  // same result as flattening it all (whitespace only shrinks), at the cost of the prefix.
  const prefix = text.length > 4 * max + 16 ? flatten(text.slice(0, 4 * max + 16)) : null;
  if (prefix !== null && prefix.length > max) return `${prefix.slice(0, max - 1)}…`;
  const flat = flatten(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
