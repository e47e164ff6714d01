import { expect, test, type APIRequestContext } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, signInThroughApi, signUpThroughApi } from "../e2e/helpers";

// Two app servers (playwright.postgres.config.ts) on one PostgreSQL database. Cookies ignore ports, so
// a browser signed in on one server carries its session to the other, as behind a load balancer.
const FIRST = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const SECOND = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

async function reviseText(request: APIRequestContext, origin: string, documentId: string, baseRevisionId: string, text: string) {
  return request.put(`${origin}/api/documents/${documentId}/text`, { data: { baseRevisionId, text }, headers: { Origin: origin } });
}

test("what one server writes the other reads: an annotation, a revised text, search; two saves of one revision get one success and one conflict", async ({ page }) => {
  const account = await signUpThroughApi(page.request, "Two-server Historian");
  await signInThroughApi(page, account);
  const text = "The famine of 1921 struck the Volga.\n\nRelief came late, from abroad.";
  const document = await createDocumentThroughApi(page, account.workspaceId, "Volga report", text);

  // Written on the first server, read on the second (page and API).
  const annotation = await annotateThroughApi(page, document, "famine of 1921", { kind: "CLAIM", note: "Check the harvest figures." });
  await page.goto(`${SECOND}/documents/${document.id}`);
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await expect(page.locator(`.ProseMirror [data-annotation-id="${annotation.id}"]`)).toHaveText("famine of 1921");

  // A revision saved on the second server is the text the first one serves.
  const revised = await reviseText(page.request, SECOND, document.id, document.revisionId, `${text}\n\nThe harvest had failed twice.`);
  expect(revised.status(), await revised.text()).toBe(200);
  const onFirst = (await (await page.request.get(`${FIRST}/api/documents/${document.id}`)).json()) as { document: { revision: { id: string; text: string } } };
  expect(onFirst.document.revision.text).toContain("The harvest had failed twice.");

  // Search on the first server finds the words the second one saved.
  const search = await page.request.get(`${FIRST}/api/workspaces/${account.workspaceId}/search?q=${encodeURIComponent("harvest failed")}`);
  expect(search.status(), await search.text()).toBe(200);
  expect(JSON.stringify(await search.json())).toContain("harvest");

  // Two editors save the same revision at once, one through each server: one wins, one is told.
  const base = onFirst.document.revision.id;
  const answers = await Promise.all([
    reviseText(page.request, FIRST, document.id, base, `${onFirst.document.revision.text}\n\nFirst editor.`),
    reviseText(page.request, SECOND, document.id, base, `${onFirst.document.revision.text}\n\nSecond editor.`),
  ]);
  expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 409]);

  await page.goto(`${FIRST}/documents/${document.id}`);
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await expect(page.locator(".ProseMirror")).toContainText(/First editor|Second editor/);
  await page.screenshot({ path: process.env.E2E_SHOT ?? "test-results/postgres-two-servers.png", fullPage: false });
});
