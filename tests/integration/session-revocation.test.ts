import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { LIVE_SESSION_CACHE_MAX_AGE_MS } from "@/lib/auth/live-session-cache";
import type { SessionUser } from "@/lib/auth/session-user";
import { GET as getDocumentRoute } from "@/app/api/documents/[documentId]/route";
import { addTestMember, createTestDocument, createTestUser, createTestWorkspace, TEST_PASSWORD } from "@/tests/factories";
import { callNextAuth, CookieJar, routeParams, signIn, signOut, siteRequest } from "./http-harness";

// Server actions read Next's request context; here it is the request the test is making.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ getAll: () => [], delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { changePasswordAction, signOutEverywhereAction } = await import("@/app/account/actions");
const { removeMemberAction } = await import("@/app/w/[workspaceId]/members/actions");

const db = getDb();

/** Acts as the browser holding `jar`, on the site's own page. */
function actAs(jar: CookieJar) {
  current.headers = new Headers({ host: "localhost:3000", origin: "http://localhost:3000", cookie: jar.header() });
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

async function statusOfDocument(jar: CookieJar, documentId: string): Promise<number> {
  return (await getDocumentRoute(siteRequest(`/api/documents/${documentId}`, { jar }), routeParams({ documentId }))).status;
}

async function sessionEndpointUser(jar: CookieJar): Promise<unknown> {
  const { body } = await callNextAuth(jar, "session");
  return (body as { user?: unknown } | undefined)?.user;
}

/** Revocation must reach other server processes within the cache's bound: wait that long. */
const pastTheCache = () => new Promise((resolve) => setTimeout(resolve, LIVE_SESSION_CACHE_MAX_AGE_MS + 50));

describe("revocable sessions, through next-auth and the real route handlers", () => {
  let user: SessionUser;
  let documentId: string;

  beforeAll(async () => {
    user = await createTestUser(db);
    const workspace = await createTestWorkspace(db, user);
    documentId = (await createTestDocument(db, user, workspace.id)).id;
  });

  afterEach(() => {
    current.headers = new Headers();
  });

  it("a copied session cookie stops working the moment its owner signs out", async () => {
    const browser = await signIn(user.email, TEST_PASSWORD);
    const stolen = browser.copy();
    expect(await statusOfDocument(stolen, documentId)).toBe(200);
    expect(await sessionEndpointUser(stolen)).toMatchObject({ email: user.email });

    await signOut(browser);
    expect(await statusOfDocument(stolen, documentId)).toBe(401);
    expect(await sessionEndpointUser(stolen)).toBeUndefined();
    // The row is gone, so no other server process can accept it once its cache entry lapses.
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out ends only that session", async () => {
    const laptop = await signIn(user.email, TEST_PASSWORD);
    const phone = await signIn(user.email, TEST_PASSWORD);
    await signOut(laptop);
    expect(await statusOfDocument(laptop.copy(), documentId)).toBe(401);
    expect(await statusOfDocument(phone, documentId)).toBe(200);
    await signOut(phone);
  });

  it("a password change keeps the session that made it and ends every other", async () => {
    const other = await createTestUser(db);
    const workspace = await createTestWorkspace(db, other);
    const doc = (await createTestDocument(db, other, workspace.id)).id;
    const here = await signIn(other.email, TEST_PASSWORD);
    const elsewhere = await signIn(other.email, TEST_PASSWORD);
    expect(await statusOfDocument(elsewhere, doc)).toBe(200);

    actAs(here);
    const result = await changePasswordAction(null, form({ currentPassword: TEST_PASSWORD, newPassword: "a new password of 1926" }));
    expect(result).toMatchObject({ ok: true });

    await pastTheCache();
    expect(await statusOfDocument(here, doc)).toBe(200);
    expect(await statusOfDocument(elsewhere, doc)).toBe(401);
    expect(await sessionEndpointUser(elsewhere)).toBeUndefined();
    await expect(signIn(other.email, TEST_PASSWORD)).rejects.toThrow(/Sign-in failed/);
    expect(await statusOfDocument(await signIn(other.email, "a new password of 1926"), doc)).toBe(200);
  });

  it("a wrong current password changes nothing and ends no session", async () => {
    const person = await createTestUser(db);
    const here = await signIn(person.email, TEST_PASSWORD);
    const elsewhere = await signIn(person.email, TEST_PASSWORD);
    actAs(here);
    const result = await changePasswordAction(null, form({ currentPassword: "not the password", newPassword: "a new password of 1926" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.userSession.count({ where: { userId: person.id } })).toBe(2);
    await signOut(here);
    await signOut(elsewhere);
  });

  it("'sign out everywhere' ends every session, this one included", async () => {
    const person = await createTestUser(db);
    const workspace = await createTestWorkspace(db, person);
    const doc = (await createTestDocument(db, person, workspace.id)).id;
    const here = await signIn(person.email, TEST_PASSWORD);
    const elsewhere = await signIn(person.email, TEST_PASSWORD);

    actAs(here);
    // It redirects to the sign-in page when done, which Next does by throwing.
    await expect(signOutEverywhereAction(null, new FormData())).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });

    expect(await statusOfDocument(here, doc)).toBe(401);
    await pastTheCache();
    expect(await statusOfDocument(elsewhere, doc)).toBe(401);
    expect(await db.userSession.count({ where: { userId: person.id } })).toBe(0);
  });

  it("an owner removing a member ends that member's access to the workspace at once, not their other work", async () => {
    const owner = await createTestUser(db);
    const member = await createTestUser(db);
    const workspace = await createTestWorkspace(db, owner);
    await addTestMember(db, workspace.id, member.id, "EDITOR");
    const shared = (await createTestDocument(db, owner, workspace.id)).id;
    const own = (await createTestDocument(db, member, (await createTestWorkspace(db, member)).id)).id;
    const ownerBrowser = await signIn(owner.email, TEST_PASSWORD);
    const memberBrowser = await signIn(member.email, TEST_PASSWORD);
    expect(await statusOfDocument(memberBrowser, shared)).toBe(200);

    actAs(ownerBrowser);
    expect(await removeMemberAction(workspace.id, member.id)).toMatchObject({ ok: true });

    // No wait: membership is read on every request, never cached.
    expect(await statusOfDocument(memberBrowser, shared)).toBe(404);
    expect(await statusOfDocument(memberBrowser, own)).toBe(200);
  });

  it("a session cookie without a session row (forged with the secret's help, or from before this version) is refused", async () => {
    const jar = await signIn(user.email, TEST_PASSWORD);
    await db.userSession.deleteMany({ where: { userId: user.id } });
    await pastTheCache();
    expect(await statusOfDocument(jar, documentId)).toBe(401);
  });
});
