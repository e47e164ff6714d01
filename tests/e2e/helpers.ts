import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const PASSWORD = "reading-room-1925";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
  workspaceId: string;
}

/** Creates an account through the API (the sign-up form has its own test). */
export async function signUpThroughApi(request: APIRequestContext, name = "Test Historian"): Promise<TestAccount> {
  const email = `e2e-${randomUUID()}@example.org`;
  const response = await request.post("/api/users", { data: { name, email, password: PASSWORD } });
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
