import http from "node:http";
import { expect, test, type Browser } from "@playwright/test";
import { APP_ORIGIN, createDocumentThroughApi, newSignedInAccount, SAME_ORIGIN } from "./helpers";

/** Another site: a port of the same host that is not the app's (same-site, so cookies go along). */
const EVIL_PORT = Number(process.env.E2E_EVIL_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 10);
const EVIL_ORIGIN = `http://localhost:${EVIL_PORT}`;

/** A browser context holding only the copied session cookie of another. */
async function contextWithCookies(browser: Browser, cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>) {
  const context = await browser.newContext();
  await context.addCookies(cookies.filter((cookie) => cookie.name.includes("session-token")));
  return context;
}

test("a copied session cookie stops working the moment its owner signs out", async ({ page, browser }) => {
  const account = await newSignedInAccount(page, "Signing-out Historian");
  const document = await createDocumentThroughApi(page, account.workspaceId, "Minutes of the 14th Congress", "The congress opened on 18 December 1925.");
  const stolen = await contextWithCookies(browser, await page.context().cookies());
  const thief = await stolen.newPage();
  await thief.goto(`/documents/${document.id}`);
  await expect(thief.getByRole("heading", { level: 1 })).toHaveText("Minutes of the 14th Congress");
  expect((await thief.request.get(`/api/documents/${document.id}`)).status()).toBe(200);

  await page.goto("/library");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  // Each server process may trust a session it checked for up to 1 s (the documented bound): the
  // thief's requests may reach another process than the sign-out did.
  await page.waitForTimeout(1_100);

  // The thief's copy, untouched by the sign-out, is refused by the API and by the pages.
  expect((await thief.request.get(`/api/documents/${document.id}`)).status()).toBe(401);
  await thief.goto(`/documents/${document.id}`);
  await expect(thief).toHaveURL(/\/signin/);
  await stolen.close();
});

test("signing out without a connection says so and keeps the page; back online, it works", async ({ page }) => {
  await newSignedInAccount(page, "Offline Historian");
  await page.goto("/library");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const here = page.url();
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not signed out" })).toBeVisible();
  expect(page.url()).toBe(here);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();

  await page.context().setOffline(false);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
  expect((await page.request.get("/api/auth/session")).status()).toBe(200);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("'Sign out everywhere' on the account page ends the other browser's session too", async ({ page, browser }) => {
  await newSignedInAccount(page, "Careful Historian");
  const other = await contextWithCookies(browser, await page.context().cookies());
  const otherPage = await other.newPage();
  await otherPage.goto("/account");
  await expect(otherPage.getByRole("heading", { name: "Account" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL(/\/signin/);
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();
});

test.describe("a page on another site", () => {
  let server: http.Server;
  // The attack: a no-cors fetch with the user's cookies, as text/plain (the only JSON-ish body no-cors may send).
  const EVIL_PAGE = `<!doctype html><title>cat pictures</title><script>
    const params = new URLSearchParams(location.search);
    fetch(params.get("target"), { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: params.get("body") })
      .then(() => { document.title = "sent"; }, () => { document.title = "failed"; });
  </script>`;

  test.beforeAll(async () => {
    server = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(EVIL_PAGE);
    });
    await new Promise<void>((resolve) => server.listen(EVIL_PORT, "localhost", resolve));
  });

  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("cannot create an annotation with the signed-in user's cookie", async ({ page }) => {
    const account = await newSignedInAccount(page, "Targeted Historian");
    const document = await createDocumentThroughApi(page, account.workspaceId, "Pravda, 19 December 1925", "The congress opened on 18 December 1925.");
    const annotations = async () => ((await (await page.request.get(`/api/documents/${document.id}/annotations`)).json()) as { annotations: unknown[] }).annotations.length;
    const body = JSON.stringify({ revisionId: document.revisionId, start: 4, end: 12, exact: "congress", kind: "CLAIM", note: "planted" });

    // The control: the same request from the app's own origin is accepted.
    const own = await page.request.post(`/api/documents/${document.id}/annotations`, { data: body, headers: { ...SAME_ORIGIN, "Content-Type": "application/json" } });
    expect(own.status()).toBe(201);
    const before = await annotations();

    // The page cannot read the opaque answer; the test sees its status (201 before this was fixed).
    const attempts: number[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(`/api/documents/${document.id}/annotations`) && response.request().method() === "POST") {
        attempts.push(response.status());
      }
    });
    const target = `${APP_ORIGIN}/api/documents/${document.id}/annotations`;
    await page.goto(`${EVIL_ORIGIN}/?${new URLSearchParams({ target, body })}`);
    await expect(page).toHaveTitle("sent");
    await expect.poll(() => attempts.length).toBe(1);
    expect(attempts).toEqual([403]);
    expect(await annotations()).toBe(before);
  });
});
