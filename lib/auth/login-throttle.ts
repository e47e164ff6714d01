import type { DbClient } from "../db";
import { AppError } from "../errors";

/**
 * Failed sign-ins are counted per account and per client address in a fixed window; past the
 * limit, that key is blocked for a while. Counting by account stops guessing one password from
 * many addresses; counting by address stops one client trying many accounts.
 */
export const THROTTLE_POLICY = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
} as const;

type Scope = keyof typeof THROTTLE_POLICY;

function keysFor(email: string, ip: string): { scope: Scope; key: string }[] {
  return [
    { scope: "account", key: `account:${email}` },
    { scope: "ip", key: `ip:${ip}` },
  ];
}

function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

/** Throws RATE_LIMITED with a message saying how long to wait when either key is blocked. */
export async function assertLoginAllowed(db: DbClient, email: string, ip: string, now: Date = new Date()): Promise<void> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keysFor(email, ip).map((k) => k.key) } } });
  for (const row of rows) {
    if (row.blockedUntil && row.blockedUntil > now) {
      const minutes = minutesUntil(row.blockedUntil, now);
      const who = row.key.startsWith("account:") ? "this account" : "your network address";
      throw new AppError(
        "RATE_LIMITED",
        `Too many failed sign-in attempts for ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }
  }
}

export async function recordLoginFailure(db: DbClient, email: string, ip: string, now: Date = new Date()): Promise<void> {
  for (const { scope, key } of keysFor(email, ip)) {
    const policy = THROTTLE_POLICY[scope];
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const windowOpen = row && now.getTime() - row.windowStartedAt.getTime() < policy.windowMs;
    const failures = windowOpen ? row.failures + 1 : 1;
    const windowStartedAt = windowOpen ? row.windowStartedAt : now;
    const blockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.blockMs) : null;
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStartedAt, blockedUntil },
      update: { failures, windowStartedAt, blockedUntil },
    });
  }
}

/** A successful sign-in clears the account's count; the address's count stays. */
export async function recordLoginSuccess(db: DbClient, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `account:${email}` } });
}
