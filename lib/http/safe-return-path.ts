/**
 * Where to go after signing in: only a path on this site (so a crafted link cannot send someone
 * to another site after they sign in). Anything else goes to the library.
 */
export function safeReturnPath(value: string | string[] | undefined | null, fallback = "/library"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return fallback;
  let path = raw;
  try {
    // next-auth may hand back an absolute URL of this site; keep its path only.
    if (/^https?:\/\//i.test(raw)) {
      const url = new URL(raw);
      path = url.pathname + url.search + url.hash;
    }
  } catch {
    return fallback;
  }
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" becomes "//evil.example") and read
  // "\\" as "/": refuse both outright, then check the path resolves on this site.
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return fallback;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/signin") || path.startsWith("/signup")) return fallback;
  const resolved = new URL(path, "http://this-site.invalid");
  if (resolved.origin !== "http://this-site.invalid") return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
