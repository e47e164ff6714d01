import type { DbClient } from "../db";
import { AppError } from "../errors";
import { credentialsSchema } from "../validations/auth";
import { parseInput } from "../validations/parse-input";
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from "./login-throttle";
import { verifyAgainstDummyHash, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

/**
 * Checks an email and password, applying the sign-in rate limits. Returns the user, or throws
 * INVALID_INPUT / RATE_LIMITED with a message fit to show on the sign-in form.
 */
export async function authenticateUser(
  db: DbClient,
  input: { email?: unknown; password?: unknown; ip: string },
): Promise<SessionUser> {
  const { email, password } = parseInput(credentialsSchema, { email: input.email, password: input.password });
  await assertLoginAllowed(db, email, input.ip);

  const user = await db.user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummyHash(password);
  if (!user || !valid) {
    await recordLoginFailure(db, email, input.ip);
    throw new AppError("INVALID_INPUT", "That email and password do not match an account.");
  }
  await recordLoginSuccess(db, email);
  return { id: user.id, email: user.email, name: user.name };
}
