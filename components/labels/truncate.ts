/** Text on one line, cut to `max` characters with an ellipsis: quotes in cards, banners and messages. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
