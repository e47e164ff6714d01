import type { DbClient } from "../db";

/**
 * Records a new signed-in session for the user and returns its id, which the session cookie then
 * carries. Sessions past their end are cleared out on the way, so the table holds live ones only.
 */
export async function startUserSession(db: DbClient, { userId, maxAgeSeconds, now = new Date() }: { userId: string; maxAgeSeconds: number; now?: Date }): Promise<string> {
  await db.userSession.deleteMany({ where: { expiresAt: { lte: now } } });
  const session = await db.userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}
