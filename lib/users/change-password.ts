import type { DbClient } from "../db";
import { AppError } from "../errors";
import { endUserSessions } from "../auth/end-user-sessions";
import { hashPassword, verifyPassword } from "../auth/password";
import { changePasswordSchema } from "../validations/auth";
import { parseInput } from "../validations/parse-input";

/**
 * A person changes their own password, proving they know the current one. Every other session of
 * theirs ends (a stolen cookie stops working); `keepSessionId`, the session that made the change,
 * stays signed in.
 */
export async function changePassword(db: DbClient, { actor, input, keepSessionId }: { actor: { id: string }; input: unknown; keepSessionId?: string }) {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID_INPUT", "Your current password is not right.", { currentPassword: "Not your current password." });
  }
  await db.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(newPassword) } });
  await endUserSessions(db, { userId: actor.id, keepSessionId });
}
