import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { THROTTLE_POLICY } from "@/lib/auth/login-throttle";
import { getDb } from "@/lib/db";

const run = promisify(execFile);
const SCRIPT = path.resolve("tests/integration/processes/register-login-attempts.ts");

// `npm start` runs several server processes on one SQLite file. Two processes here register
// attempts for one account at the same time: each must be counted exactly once whichever process
// takes it, the account blocked after the limit, and no attempt may fail with a database error.
describe("the sign-in limit across server processes", () => {
  it("counts attempts from two processes exactly, then blocks", { timeout: 120_000 }, async () => {
    const email = `throttle-${Date.now()}@example.test`;
    const perProcess = 6;
    const outputs = await Promise.all(
      [1, 2].map(() => run("npx", ["tsx", "--tsconfig", "tsconfig.json", SCRIPT, email, String(perProcess)], { env: process.env, timeout: 100_000 })),
    );
    const outcomes = outputs.flatMap(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as string[]);
    const max = THROTTLE_POLICY.account.maxFailures;
    expect(outcomes.filter((o) => o.startsWith("unexpected"))).toEqual([]);
    expect(outcomes.filter((o) => o === "counted")).toHaveLength(max);
    expect(outcomes.filter((o) => o === "RATE_LIMITED")).toHaveLength(2 * perProcess - max);
    const row = await getDb().loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(row.failures).toBe(max);
    expect(row.blockedUntil).not.toBeNull();
  });
});
