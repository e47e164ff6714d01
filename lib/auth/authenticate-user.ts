import type { Db } from "../db";
import { AppError } from "../errors";
import { credentialsSchema } from "../validations/auth";
import { parseInput } from "../validations/parse-input";
import { recordLoginSuccess, registerLoginAttempt } from "./login-throttle";
import { verifyAgainstDummyHash, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

/**
 * Checks an email and password, applying the sign-in rate limits. Returns the user, or throws
 * INVALID_INPUT / RATE_LIMITED with a message fit to show on the sign-in form.
 */
export async function authenticateUser(db: Db, input: { email?: unknown; password?: unknown; ip: string }): Promise<SessionUser> {
  const { email, password } = parseInput(credentialsSchema, { email: input.email, password: input.password });
  await registerLoginAttempt(db, email, input.ip);

  const user = await db.user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummyHash(password);
  if (!user || !valid) throw new AppError("INVALID_INPUT", "That email and password do not match an account.");

  await recordLoginSuccess(db, email, input.ip);
  return { id: user.id, email: user.email, name: user.name };
}
