import { randomUUID } from "node:crypto";
import { rejection } from "./rejection";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { recordLoginSuccess, registerLoginAttempt, registerSignUp, SIGN_UP_POLICY, THROTTLE_POLICY } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { signUpUser } from "@/lib/users/sign-up-user";
import { fillSampleWorkspace } from "@/seeds/fill-sample-workspace";
import { DEMO_ACCOUNT, seedDemoWorkspace } from "@/seeds/seed-demo-workspace";
import { createTestUser, TEST_PASSWORD } from "@/tests/factories";

const db = getDb();

/** A client address no other test uses, so per-address counters never leak between tests. */
const freshIp = () => `198.51.100.${randomUUID()}`;
const MINUTE = 60_000;

describe("signUpUser", () => {
  const password = "a long enough password";
  let signedUp: Awaited<ReturnType<typeof signUpUser>>;

  beforeAll(async () => {
    signedUp = await signUpUser(db, { input: { name: "  Edward Hallett Carr ", email: "  E.H.Carr@Example.ORG ", password }, ip: "192.0.2.10", fillWorkspace: fillSampleWorkspace });
  });

  it("creates the account with a normalised email and an argon2id hash of the password", async () => {
    expect(signedUp.user).toMatchObject({ name: "Edward Hallett Carr", email: "e.h.carr@example.org" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: signedUp.user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);
    expect(await verifyPassword(stored.passwordHash, password)).toBe(true);
  });

  it("gives the new user their own workspace, as its only member and owner, with the 5 seed documents and 36 tags", async () => {
    const memberships = await db.membership.findMany({ where: { workspaceId: signedUp.workspaceId } });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ userId: signedUp.user.id, role: "OWNER" });

    const documents = await db.document.findMany({ where: { workspaceId: signedUp.workspaceId }, include: { revisions: true } });
    expect(documents).toHaveLength(5);
    for (const document of documents) {
      expect(document.createdById).toBe(signedUp.user.id);
      expect(document.revisions).toHaveLength(1);
      expect(document.revisions[0]?.text.length).toBeGreaterThan(0);
    }
    expect(documents.map((d) => d.sourceKind).sort()).toEqual(["PRIMARY", "SECONDARY", "SECONDARY", "TERTIARY", "TERTIARY"]);

    const tags = await db.tag.findMany({ where: { workspaceId: signedUp.workspaceId } });
    expect(tags).toHaveLength(36);
    expect(tags.filter((t) => t.category === "KIND")).toHaveLength(4);
    expect(tags.filter((t) => t.taxonomy === "PTC_18")).toHaveLength(18);
    expect(tags.filter((t) => t.taxonomy === "SEMEVAL_2020_14")).toHaveLength(14);
  });

  it("refuses a second account for the same email, whatever its case and spacing (CONFLICT)", async () => {
    const users = await db.user.count();
    const error = await rejection(signUpUser(db, { input: { name: "Impostor", email: "\te.h.CARR@example.org  ", password: "another long password" }, ip: "192.0.2.10", fillWorkspace: fillSampleWorkspace }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.email).toBeTruthy();
    expect(await db.user.count()).toBe(users);
  });

  it("refuses a short password (INVALID_INPUT on the password field) and creates nothing", async () => {
    const [users, workspaces] = await Promise.all([db.user.count(), db.workspace.count()]);
    const email = `short-${randomUUID()}@example.org`;
    const error = await rejection(signUpUser(db, { input: { name: "Short", email, password: "123456789" }, ip: "192.0.2.10", fillWorkspace: fillSampleWorkspace }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors)).toEqual(["password"]);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    expect(await Promise.all([db.user.count(), db.workspace.count()])).toEqual([users, workspaces]);
  });

  it("limits the accounts one address may create per hour, and says how long to wait", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const start = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < SIGN_UP_POLICY.maxPerWindow; i++) await registerSignUp(db, ip, start);
    const error = await rejection(registerSignUp(db, ip, new Date(start.getTime() + 20 * 60_000)));
    expect(error).toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("Try again in 40 minutes") });
    // Another address is unaffected, and the window passes.
    await registerSignUp(db, `${ip}0`, start);
    await registerSignUp(db, ip, new Date(start.getTime() + SIGN_UP_POLICY.windowMs + 1));
  });

  it("names each bad field of a sign-up form", async () => {
    const error = await rejection(signUpUser(db, { input: { name: " ", email: "not-an-email", password: "" }, ip: "192.0.2.10", fillWorkspace: fillSampleWorkspace }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["email", "name", "password"]);
  });
});

describe("authenticateUser", () => {
  let user: SessionUser;

  beforeAll(async () => {
    user = await createTestUser(db);
  });

  it("accepts the right password, with the email in any case and spacing", async () => {
    const signedIn = await authenticateUser(db, { email: `  ${user.email.toUpperCase()}  `, password: TEST_PASSWORD, ip: freshIp() });
    expect(signedIn).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("rejects a wrong password and an unknown email alike, with INVALID_INPUT and the same message", async () => {
    const wrong = await rejection(authenticateUser(db, { email: user.email, password: "wrong password", ip: freshIp() }));
    const unknown = await rejection(authenticateUser(db, { email: `nobody-${randomUUID()}@example.org`, password: TEST_PASSWORD, ip: freshIp() }));
    expect(wrong.code).toBe("INVALID_INPUT");
    expect(unknown.code).toBe("INVALID_INPUT");
    expect(unknown.message).toBe(wrong.message);
    await db.loginThrottle.deleteMany({ where: { key: `account:${user.email}` } }); // leave this account's counter clean for the next tests
  });

  it("rejects an empty password without counting it as a guess", async () => {
    const ip = freshIp();
    const error = await rejection(authenticateUser(db, { email: user.email, password: "", ip }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors.password).toBeTruthy();
    expect(await db.loginThrottle.findUnique({ where: { key: `ip:${ip}` } })).toBeNull();
  });

  it("blocks an account after 5 failures, even for the right password, from any address (RATE_LIMITED)", async () => {
    const target = await createTestUser(db);
    for (let attempt = 1; attempt <= THROTTLE_POLICY.account.maxFailures; attempt++) {
      // Different addresses and spellings of the email all count against the one account.
      const email = attempt % 2 ? target.email : target.email.toUpperCase();
      const error = await rejection(authenticateUser(db, { email, password: `guess ${attempt}`, ip: freshIp() }));
      expect(error.code).toBe("INVALID_INPUT");
    }
    const blocked = await rejection(authenticateUser(db, { email: target.email, password: TEST_PASSWORD, ip: freshIp() }));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.message).toContain("Try again in");
    expect(blocked.message).toMatch(/Try again in 1[45] minutes\./);

    // Other accounts are not affected.
    await expect(authenticateUser(db, { email: user.email, password: TEST_PASSWORD, ip: freshIp() })).resolves.toMatchObject({ id: user.id });
  });

  it("blocks an address after 20 failures across different emails, while other addresses still sign in", async () => {
    const ip = freshIp();
    for (let attempt = 1; attempt <= THROTTLE_POLICY.ip.maxFailures; attempt++) {
      const error = await rejection(authenticateUser(db, { email: `probe-${attempt}-${randomUUID()}@example.org`, password: "guess", ip }));
      expect(error.code).toBe("INVALID_INPUT");
    }
    const blocked = await rejection(authenticateUser(db, { email: user.email, password: TEST_PASSWORD, ip }));
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(blocked.message).toContain("Try again in");
    expect(blocked.message).toContain("network address");

    await expect(authenticateUser(db, { email: user.email, password: TEST_PASSWORD, ip: freshIp() })).resolves.toMatchObject({ id: user.id });
  });

  it("counts parallel guesses: a burst of 30 at once gets at most 5 password checks", async () => {
    const target = await createTestUser(db);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => rejection(authenticateUser(db, { email: target.email, password: `burst ${i}`, ip: freshIp() }))),
    );
    expect(results.filter((e) => e.code === "INVALID_INPUT")).toHaveLength(THROTTLE_POLICY.account.maxFailures);
    expect(results.filter((e) => e.code === "RATE_LIMITED")).toHaveLength(30 - THROTTLE_POLICY.account.maxFailures);
  });

  it("a successful sign-in clears the account's count, so earlier failures no longer add up", async () => {
    const target = await createTestUser(db);
    const ip = freshIp();
    const failTimes = async (times: number) => {
      for (let i = 0; i < times; i++) {
        expect((await rejection(authenticateUser(db, { email: target.email, password: "wrong", ip }))).code).toBe("INVALID_INPUT");
      }
    };
    await failTimes(THROTTLE_POLICY.account.maxFailures - 1);
    await expect(authenticateUser(db, { email: target.email, password: TEST_PASSWORD, ip })).resolves.toMatchObject({ id: target.id });
    expect(await db.loginThrottle.findUnique({ where: { key: `account:${target.email}` } })).toBeNull();
    // The address's count stays: success on one account does not excuse guessing at others.
    expect(await db.loginThrottle.findUnique({ where: { key: `ip:${ip}` } })).toMatchObject({ failures: THROTTLE_POLICY.account.maxFailures - 1 });

    await failTimes(THROTTLE_POLICY.account.maxFailures - 1);
    await expect(authenticateUser(db, { email: target.email, password: TEST_PASSWORD, ip })).resolves.toMatchObject({ id: target.id });
  });
});

describe("login throttle over time", () => {
  const t0 = new Date("2030-01-01T12:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
  // Each registered attempt counts as a failure until recordLoginSuccess takes it back.
  const attempt = (email: string, ip: string, now: Date) => registerLoginAttempt(db, email, ip, now);
  const fail = async (email: string, ip: string, times: number, now: Date) => {
    for (let i = 0; i < times; i++) await attempt(email, ip, now);
  };
  const freshEmail = () => `throttle-${randomUUID()}@example.org`;
  const row = (key: string) => db.loginThrottle.findUnique({ where: { key } });

  it("blocks an account for 15 minutes, saying how long is left, then lets it in again", async () => {
    const email = freshEmail();
    await fail(email, freshIp(), 5, t0);

    const justAfter = await rejection(attempt(email, freshIp(), at(0)));
    expect(justAfter.code).toBe("RATE_LIMITED");
    expect(justAfter.message).toContain("Try again in 15 minutes.");
    expect((await rejection(attempt(email, freshIp(), at(14)))).message).toContain("Try again in 1 minute.");
    expect((await rejection(attempt(email, freshIp(), at(14.99)))).code).toBe("RATE_LIMITED");
    // Refused attempts are not counted: the count stays at the limit.
    expect(await row(`account:${email}`)).toMatchObject({ failures: 5 });

    // After the block, the next attempt starts a new window: one failure, no block.
    await expect(attempt(email, freshIp(), at(15))).resolves.toBeUndefined();
    expect(await row(`account:${email}`)).toMatchObject({ failures: 1, blockedUntil: null, windowStartedAt: at(15) });
  });

  it("forgets failures once their 15-minute window has passed", async () => {
    const email = freshEmail();
    await fail(email, freshIp(), 4, t0);
    await expect(attempt(email, freshIp(), at(15))).resolves.toBeUndefined();
    expect(await row(`account:${email}`)).toMatchObject({ failures: 1, windowStartedAt: at(15) });
  });

  it("counts 5 failures within one window even when spread out", async () => {
    const email = freshEmail();
    for (const minute of [0, 3, 6, 9, 14]) await attempt(email, freshIp(), at(minute));
    const error = await rejection(attempt(email, freshIp(), at(20)));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain("Try again in 9 minutes.");
  });

  it("a success clears the account's count and takes back only its own attempt from the address", async () => {
    const email = freshEmail();
    const ip = freshIp();
    await fail(email, ip, 4, t0);
    await attempt(email, ip, at(1)); // the right password, as it turns out:
    await recordLoginSuccess(db, email, ip);
    expect(await row(`account:${email}`)).toBeNull();
    expect(await row(`ip:${ip}`)).toMatchObject({ failures: 4 });
    await fail(email, ip, 4, at(1));
    await expect(attempt(email, freshIp(), at(1))).resolves.toBeUndefined();
    expect(await row(`ip:${ip}`)).toMatchObject({ failures: 8 });
  });

  it("blocks an address for 15 minutes after 20 failures, whichever emails were tried", async () => {
    const ip = freshIp();
    for (let i = 0; i < THROTTLE_POLICY.ip.maxFailures; i++) await attempt(freshEmail(), ip, t0);
    const error = await rejection(attempt(freshEmail(), ip, at(1)));
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toContain("Try again in 14 minutes.");
    await expect(attempt(freshEmail(), freshIp(), at(1))).resolves.toBeUndefined();
    await expect(attempt(freshEmail(), ip, at(15))).resolves.toBeUndefined();
  });
});

describe("seedDemoWorkspace", () => {
  it("creates the demo account and workspace once; a second run changes nothing", async () => {
    await expect(seedDemoWorkspace(db)).resolves.toEqual({ created: true });
    const workspace = await db.workspace.findUniqueOrThrow({ where: { seedKey: "demo-corpus" } });
    const demo = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
    expect(await db.membership.findUnique({ where: { userId_workspaceId: { userId: demo.id, workspaceId: workspace.id } } })).toMatchObject({ role: "OWNER" });
    expect(await db.document.count({ where: { workspaceId: workspace.id } })).toBe(5);
    expect(await db.tag.count({ where: { workspaceId: workspace.id } })).toBe(36);

    await expect(seedDemoWorkspace(db)).resolves.toEqual({ created: false });
    expect(await db.workspace.count({ where: { seedKey: "demo-corpus" } })).toBe(1);
    expect(await db.user.count({ where: { email: DEMO_ACCOUNT.email } })).toBe(1);
    expect(await db.document.count({ where: { workspaceId: workspace.id } })).toBe(5);
    expect(await db.tag.count({ where: { workspaceId: workspace.id } })).toBe(36);

    // The documented demo credentials really sign in.
    await expect(authenticateUser(db, { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password, ip: freshIp() })).resolves.toMatchObject({ id: demo.id });
  });
});
