import type { DbClient } from "../db";
import type { SessionUser } from "./session-user";

/** The user a session belongs to, or null when the session was ended or has run out. */
export async function findLiveSession(db: DbClient, sessionId: string, now: Date = new Date()): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return row && row.expiresAt > now ? row.user : null;
}
