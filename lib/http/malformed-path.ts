/**
 * True when a URL path holds percent-encoding that does not decode to text: a bare `%`, a cut
 * sequence (`%E0%A4%A`), bytes that are not UTF-8 (`%FF%FE`) or encode a lone surrogate
 * (`%ED%A0%80`). Next.js throws on such a path while matching a dynamic route, before any handler
 * runs, and answers 500; proxy.ts answers 404 instead.
 */
export function isMalformedPath(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
