/** A span of a text in a URL, `?select=120-145` (UTF-16 offsets), as a search hit links to it. */
export function textRangeParam(range: { start: number; end: number }): string {
  return `${range.start}-${range.end}`;
}

export function parseTextRange(value: string | string[] | undefined): { start: number; end: number } | null {
  const match = typeof value === "string" ? /^(\d{1,9})-(\d{1,9})$/.exec(value) : null;
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}
