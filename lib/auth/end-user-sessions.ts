import type { DbClient } from "../db";
import { forgetSessions } from "./live-session-cache";

/** Ends one session (signing out): its cookie is refused from now on, wherever it was copied. */
export async function endUserSession(db: DbClient, sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
  forgetSessions({ sessionId });
}

/**
 * Ends every session of the user except `keepSessionId` (when given): "sign out everywhere", and
 * a password change, which keeps only the session that made it.
 */
export async function endUserSessions(db: DbClient, { userId, keepSessionId }: { userId: string; keepSessionId?: string }): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId, ...(keepSessionId !== undefined && { id: { not: keepSessionId } }) } });
  forgetSessions({ userId });
  return count;
}
