/**
 * What a session cookie was found to mean, kept for at most MAX_AGE_MS so that a page and the
 * requests around it do not each decrypt the token and query the database. The bound is the
 * promise made about revocation: a session ended in another server process (they share one
 * database) is refused within MAX_AGE_MS; one ended in this process is forgotten at once.
 */
export const LIVE_SESSION_CACHE_MAX_AGE_MS = 1000;
const MAX_ENTRIES = 5000;

export interface CachedSession {
  sessionId: string;
  user: { id: string; email: string; name: string };
}

interface Entry {
  session: CachedSession | null;
  checkedAt: number;
}

const entries = new Map<string, Entry>();

/** The cached meaning of a token, `undefined` when it is not cached or too old. */
export function cachedSession(token: string, now: number = Date.now()): CachedSession | null | undefined {
  const entry = entries.get(token);
  if (!entry) return undefined;
  if (now - entry.checkedAt >= LIVE_SESSION_CACHE_MAX_AGE_MS || now < entry.checkedAt) {
    entries.delete(token);
    return undefined;
  }
  return entry.session;
}

export function cacheSession(token: string, session: CachedSession | null, now: number = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) {
    for (const [key, entry] of entries) if (now - entry.checkedAt >= LIVE_SESSION_CACHE_MAX_AGE_MS) entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  entries.set(token, { session, checkedAt: now });
}

/** Drops what this process remembers of the sessions matching: called when sessions are ended. */
export function forgetSessions(match: { sessionId?: string; userId?: string }): void {
  for (const [key, entry] of entries) {
    const session = entry.session;
    if (!session) continue;
    if (session.sessionId === match.sessionId || session.user.id === match.userId) entries.delete(key);
  }
}
