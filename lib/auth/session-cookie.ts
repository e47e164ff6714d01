/**
 * next-auth's session cookie: `__Secure-next-auth.session-token` when the site is served over
 * https (NEXTAUTH_URL says so), else `next-auth.session-token`. next-auth splits a token longer
 * than a cookie may be into `<name>.0`, `<name>.1`, …; readSessionCookie joins them again.
 */
export function sessionCookieName(nextAuthUrl: string | undefined = process.env.NEXTAUTH_URL): string {
  return nextAuthUrl?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The session token in a Cookie header, or null when there is none. */
export function readSessionCookie(cookieHeader: string | null | undefined, name: string = sessionCookieName()): string | null {
  if (!cookieHeader) return null;
  const chunks = new Map<number, string>();
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === name) chunks.set(-1, value);
    else if (key.startsWith(`${name}.`)) {
      const index = Number(key.slice(name.length + 1));
      if (Number.isInteger(index) && index >= 0) chunks.set(index, value);
    }
  }
  if (chunks.size === 0) return null;
  const joined = [...chunks.entries()].sort(([a], [b]) => a - b).map(([, value]) => value).join("");
  return joined === "" ? null : joined;
}

/** True when a Cookie header carries a session cookie at all (it may still be expired or revoked). */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  return readSessionCookie(cookieHeader) !== null;
}
