import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-user";
import { POST as createAnnotationRoute } from "@/app/api/documents/[documentId]/annotations/route";
import { POST as signUpRoute } from "@/app/api/users/route";
import { createTestDocument, createTestUser, createTestWorkspace, currentRevision, TEST_PASSWORD } from "@/tests/factories";
import { CookieJar, routeParams, signIn, SITE, siteRequest } from "./http-harness";

// Server actions read Next's request context; here it is whatever the test says the request was.
const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ getAll: () => [], delete: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const db = getDb();
const root = path.resolve(import.meta.dirname, "../..");

/** Every file under app/ with this name. */
function filesNamed(name: string, dir = path.join(root, "app")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(name, full);
    return entry.name === name ? [full] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type Action = (...args: unknown[]) => Promise<unknown>;

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const ANY_PARAMS = { documentId: "cl0000000000000000000000", annotationId: "cl0000000000000000000000", linkId: "cl0000000000000000000000", replyId: "cl0000000000000000000000", workspaceId: "cl0000000000000000000000", nextauth: ["signout"] };

describe("no cross-site writes", () => {
  let user: SessionUser;
  let jar: CookieJar;
  let documentId: string;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    user = await createTestUser(db);
    const workspace = await createTestWorkspace(db, user);
    const document = await createTestDocument(db, user, workspace.id, { text: "The congress opened on 18 December 1925." });
    documentId = document.id;
    const revision = await currentRevision(db, documentId);
    body = { revisionId: revision.id, start: 4, end: 12, exact: "congress", kind: "CLAIM" };
    jar = await signIn(user.email, TEST_PASSWORD);
  });

  const annotationCount = () => db.annotation.count({ where: { documentId } });

  async function createAnnotation(options: Parameters<typeof siteRequest>[1]) {
    const response = await createAnnotationRoute(siteRequest(`/api/documents/${documentId}/annotations`, { method: "POST", jar, ...options }), routeParams({ documentId }));
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  }

  it("creates an annotation from the site's own page (the control)", async () => {
    const before = await annotationCount();
    expect((await createAnnotation({ json: body })).status).toBe(201);
    expect(await annotationCount()).toBe(before + 1);
  });

  it.each([
    ["another site's Origin", { origin: "http://evil.example" }],
    ["another port of the same host", { origin: "http://localhost:3001" }],
    ["Origin: null (a sandboxed frame, a data: page)", { origin: "null" }],
    ["no Origin, Sec-Fetch-Site: cross-site", { origin: null, headers: { "sec-fetch-site": "cross-site" } }],
    ["no Origin, Sec-Fetch-Site: same-site", { origin: null, headers: { "sec-fetch-site": "same-site" } }],
    ["neither Origin nor Sec-Fetch-Site", { origin: null }],
    ["a spoofed X-Forwarded-Host naming the other site", { origin: "http://evil.example", headers: { "x-forwarded-host": "evil.example" } }],
  ])("refuses %s with 403 and creates nothing", async (_name, options) => {
    const before = await annotationCount();
    const answer = await createAnnotation({ json: body, ...options });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Cross-site request refused") });
    expect(await annotationCount()).toBe(before);
  });

  it("refuses JSON sent as text/plain (what a form or a no-cors fetch can send) with 415, also from the site itself", async () => {
    const before = await annotationCount();
    for (const origin of [SITE, "http://evil.example"]) {
      const answer = await createAnnotation({ json: body, origin, headers: { "content-type": "text/plain;charset=UTF-8" } });
      expect([403, 415]).toContain(answer.status);
    }
    expect((await createAnnotation({ json: body, headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect(await annotationCount()).toBe(before);
  });

  it("accepts a same-origin request that carries Sec-Fetch-Site: same-origin instead of Origin", async () => {
    expect((await createAnnotation({ json: body, origin: null, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
  });

  it("guards sign-up, which needs no session, the same way", async () => {
    const email = `cross-site-${crypto.randomUUID()}@example.org`;
    const response = await signUpRoute(siteRequest("/api/users", { method: "POST", origin: "http://evil.example", json: { name: "Evil", email, password: "a long enough password" } }));
    expect(response.status).toBe(403);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("every write method of every route handler refuses another site's request before doing anything", async () => {
    const routes = filesNamed("route.ts");
    expect(routes.length).toBeGreaterThan(15);
    let guarded = 0;
    for (const file of routes) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const method of WRITE_METHODS) {
        const handler = exports[method] as Handler | undefined;
        if (!handler) continue;
        const request = siteRequest("/api/anything", { method, jar, origin: "http://evil.example", json: {} });
        const response = await handler(request, { params: Promise.resolve(ANY_PARAMS) });
        expect(response.status, `${method} ${path.relative(root, file)}`).toBe(403);
        guarded += 1;
      }
    }
    // 17 API write handlers and next-auth's POST.
    expect(guarded).toBeGreaterThanOrEqual(18);
  });

  it("every server action refuses a request without an Origin, or from another site, before doing anything", async () => {
    const actionFiles = filesNamed("actions.ts");
    expect(actionFiles.length).toBeGreaterThanOrEqual(4);
    const cases: [string, Headers][] = [
      ["no Origin", new Headers({ host: "localhost:3000", "sec-fetch-site": "same-origin", cookie: jar.header() })],
      ["spoofed X-Forwarded-Host", new Headers({ host: "localhost:3000", origin: "http://evil.example", "x-forwarded-host": "evil.example", cookie: jar.header() })],
    ];
    let checked = 0;
    for (const file of actionFiles) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(exports)) {
        if (typeof exported !== "function") continue;
        for (const [label, headers] of cases) {
          current.headers = headers;
          const form = new FormData();
          form.set("name", "Planted by a replayed action");
          const result = await (exported as Action)("cl0000000000000000000000", "cl0000000000000000000000", form);
          expect(result, `${name} in ${path.relative(root, file)} (${label})`).toMatchObject({ ok: false, code: "FORBIDDEN" });
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * 10);
    expect(await db.workspace.count({ where: { name: "Planted by a replayed action" } })).toBe(0);
  });

  it("a server action from the site's own page still works", async () => {
    const { createWorkspaceAction } = await import("@/app/account/actions");
    current.headers = new Headers({ host: "localhost:3000", origin: SITE, cookie: jar.header() });
    const form = new FormData();
    form.set("name", "Made from the account page");
    // It redirects to the new workspace, which Next does by throwing.
    await expect(createWorkspaceAction(null, form)).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(await db.workspace.count({ where: { name: "Made from the account page" } })).toBe(1);
  });
});
