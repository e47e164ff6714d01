import type { Db } from "../db";
import { AppError } from "../errors";

/**
 * Sign-in attempts are counted per account and per client address in a fixed window; past the
 * limit, that key is blocked for a while. Counting by account stops guessing one password from
 * many addresses; counting by address stops one client trying many accounts.
 *
 * An attempt is counted *before* its password is checked, inside one transaction (SQLite runs one
 * writer at a time), so a burst of parallel guesses cannot all slip past the check; a successful
 * attempt then takes its count back.
 */
export const THROTTLE_POLICY = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
  ip: { maxFailures: 20, windowMs: 15 * 60_000, blockMs: 15 * 60_000 },
} as const;

type Scope = keyof typeof THROTTLE_POLICY;

const accountKey = (email: string) => `account:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

function minutesUntil(date: Date, now: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - now.getTime()) / 60_000));
}

function rateLimited(scope: Scope, until: Date, now: Date): AppError {
  const minutes = minutesUntil(until, now);
  const who = scope === "account" ? "this account" : "your network address";
  return new AppError("RATE_LIMITED", `Too many failed sign-in attempts for ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

/**
 * Counts one attempt against the account and the address, or throws RATE_LIMITED (counting
 * nothing) when either is blocked. Call recordLoginSuccess if the password then proves right.
 */
export async function registerLoginAttempt(db: Db, email: string, ip: string, now: Date = new Date()): Promise<void> {
  const keys: { scope: Scope; key: string }[] = [
    { scope: "account", key: accountKey(email) },
    { scope: "ip", key: ipKey(ip) },
  ];
  await db.$transaction(async (tx) => {
    const rows = await tx.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
    for (const { scope, key } of keys) {
      const blockedUntil = rows.find((row) => row.key === key)?.blockedUntil;
      if (blockedUntil && blockedUntil > now) throw rateLimited(scope, blockedUntil, now);
    }
    for (const { scope, key } of keys) {
      const policy = THROTTLE_POLICY[scope];
      const row = rows.find((r) => r.key === key);
      const windowOpen = row !== undefined && now.getTime() - row.windowStartedAt.getTime() < policy.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const windowStartedAt = windowOpen ? row.windowStartedAt : now;
      const blockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.blockMs) : null;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStartedAt, blockedUntil },
        update: { failures, windowStartedAt, blockedUntil },
      });
    }
  });
}

/** Accounts made from one address: generous for a classroom behind one router, a wall for a script. */
export const SIGN_UP_POLICY = { maxPerWindow: 50, windowMs: 60 * 60_000 } as const;

/**
 * Counts one sign-up from an address, or throws RATE_LIMITED when the address has made
 * SIGN_UP_POLICY.maxPerWindow of them in the current window (each also copies the sample corpus,
 * so unthrottled sign-ups would fill the disk). Counted in one transaction, as sign-ins are.
 */
export async function registerSignUp(db: Db, ip: string, now: Date = new Date()): Promise<void> {
  const key = `signup:${ip}`;
  await db.$transaction(async (tx) => {
    const row = await tx.loginThrottle.findUnique({ where: { key } });
    const windowOpen = row !== null && now.getTime() - row.windowStartedAt.getTime() < SIGN_UP_POLICY.windowMs;
    if (windowOpen && row.failures >= SIGN_UP_POLICY.maxPerWindow) {
      const minutes = minutesUntil(new Date(row.windowStartedAt.getTime() + SIGN_UP_POLICY.windowMs), now);
      throw new AppError("RATE_LIMITED", `Too many accounts were created from your network address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    }
    const failures = windowOpen ? row.failures + 1 : 1;
    const windowStartedAt = windowOpen ? row.windowStartedAt : now;
    await tx.loginThrottle.upsert({ where: { key }, create: { key, failures, windowStartedAt }, update: { failures, windowStartedAt } });
  });
}

/**
 * The password was right: the account's count is cleared, and this attempt is taken back from
 * the address's count (its earlier failures stand).
 */
export async function recordLoginSuccess(db: Db, email: string, ip: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
    const row = await tx.loginThrottle.findUnique({ where: { key: ipKey(ip) } });
    if (!row) return;
    const failures = Math.max(0, row.failures - 1);
    const stillBlocked = failures >= THROTTLE_POLICY.ip.maxFailures;
    await tx.loginThrottle.update({ where: { key: row.key }, data: { failures, blockedUntil: stillBlocked ? row.blockedUntil : null } });
  });
}
