import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "reading-room-1925";

/**
 * The app's origin (as playwright.config.ts serves it). The API refuses writes that do not come
 * from it; a browser names it in `Origin` by itself, a test's API requests must say so.
 */
export const APP_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const SAME_ORIGIN = { Origin: APP_ORIGIN } as const;

export interface TestAccount {
  name: string;
  email: string;
  password: string;
  workspaceId: string;
}

/** Creates an account through the API (the sign-up form has its own test). */
export async function signUpThroughApi(request: APIRequestContext, name = "Test Historian"): Promise<TestAccount> {
  const email = `e2e-${randomUUID()}@example.org`;
  const response = await request.post("/api/users", { data: { name, email, password: PASSWORD }, headers: SAME_ORIGIN });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { workspaceId: string };
  return { name, email, password: PASSWORD, workspaceId: body.workspaceId };
}

/** Signs the page's browser context in through next-auth's credentials endpoint. */
export async function signInThroughApi(page: Page, account: Pick<TestAccount, "email" | "password">): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    headers: SAME_ORIGIN,
  });
  expect(response.ok()).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(account.email);
}

export async function newSignedInAccount(page: Page, name?: string): Promise<TestAccount> {
  const account = await signUpThroughApi(page.request, name);
  await signInThroughApi(page, account);
  return account;
}

/** A form's error message (Next.js's route announcer is an alert too, so match ours by class). */
export const formAlert = (page: Page) => page.locator(".alert[role=alert]");

/** The document page's collapsible "About this source" panel. */
export const aboutSource = (page: Page) => page.getByRole("group", { name: "About this source" });

export async function openAboutSource(page: Page): Promise<void> {
  const panel = aboutSource(page);
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  await expect(panel.getByRole("link", { name: "Edit metadata" }).or(panel.locator("dl"))).not.toHaveCount(0);
}

/** Drags the mouse across the first occurrence of `phrase` in the reading view, as a reader would. */
export async function selectTextWithMouse(page: Page, phrase: string): Promise<void> {
  const rects = await page.evaluate((wanted) => {
    // The editor on screen: while a section is edited, the reading view's editor is hidden.
    const root = [...document.querySelectorAll<HTMLElement>(".ProseMirror")].find((e) => e.getClientRects().length > 0);
    if (!root) throw new Error("no reading view");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`phrase not shown: ${wanted}`);
    const locate = (offset: number) => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return { node, offset: offset - seen };
        seen += node.data.length;
      }
      throw new Error("offset past the text");
    };
    const range = document.createRange();
    const from = locate(at);
    const to = locate(at + wanted.length);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    (from.node.parentElement ?? root).scrollIntoView({ block: "center" });
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = boxes[0]!;
    const last = boxes[boxes.length - 1]!;
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, phrase);
  await page.mouse.move(rects.x1, rects.y1);
  await page.mouse.down();
  await page.mouse.move((rects.x1 + rects.x2) / 2, (rects.y1 + rects.y2) / 2, { steps: 4 });
  await page.mouse.move(rects.x2, rects.y2, { steps: 4 });
  await page.mouse.up();
}

/** Creates a document by API and returns its id and current revision id. */
export async function createDocumentThroughApi(page: Page, workspaceId: string, title: string, text: string) {
  const created = await page.request.post(`/api/workspaces/${workspaceId}/documents`, { multipart: { title, text }, headers: SAME_ORIGIN });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const read = (await (await page.request.get(`/api/documents/${id}`)).json()) as { document: { revision: { id: string; text: string } } };
  return { id, revisionId: read.document.revision.id, text: read.document.revision.text };
}

/** Annotates the first occurrence of `phrase` through the API. */
export async function annotateThroughApi(
  page: Page,
  document: { id: string; revisionId: string; text: string },
  phrase: string,
  body: Record<string, unknown>,
): Promise<{ id: string }> {
  const start = document.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  const response = await page.request.post(`/api/documents/${document.id}/annotations`, {
    data: { revisionId: document.revisionId, start, end: start + phrase.length, exact: phrase, ...body },
    headers: SAME_ORIGIN,
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { annotation: { id: string } }).annotation;
}
