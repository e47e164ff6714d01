import { expect, test } from "@playwright/test";
import { newSignedInAccount, SAME_ORIGIN } from "./helpers";

test("a second user cannot open the first user's documents or workspace, by URL or API", async ({ browser }) => {
  const first = await browser.newPage();
  const owner = await newSignedInAccount(first, "First Historian");
  const created = await first.request.post(`/api/workspaces/${owner.workspaceId}/documents`, {
    multipart: { title: "Private notes on the Leningrad opposition", text: "Only the first historian should read this." },
    headers: SAME_ORIGIN,
  });
  expect(created.status()).toBe(201);
  const { id: documentId } = (await created.json()) as { id: string };
  await first.goto(`/documents/${documentId}`);
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Private notes on the Leningrad opposition");

  const second = await browser.newPage();
  await newSignedInAccount(second, "Second Historian");

  for (const path of [`/documents/${documentId}`, `/documents/${documentId}/edit`, `/w/${owner.workspaceId}`, `/w/${owner.workspaceId}/members`]) {
    const response = await second.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(second.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(second.getByText("Only the first historian")).toHaveCount(0);
  }

  const apiRead = await second.request.get(`/api/documents/${documentId}`);
  expect(apiRead.status()).toBe(404);
  expect(JSON.stringify(await apiRead.json())).not.toContain("Leningrad");
  expect((await second.request.get(`/api/workspaces/${owner.workspaceId}/documents`)).status()).toBe(404);
  expect((await second.request.delete(`/api/documents/${documentId}`, { headers: SAME_ORIGIN })).status()).toBe(404);
  expect((await second.request.patch(`/api/documents/${documentId}`, { data: { title: "Taken over" }, headers: SAME_ORIGIN })).status()).toBe(404);
  const planted = await second.request.post(`/api/workspaces/${owner.workspaceId}/documents`, { multipart: { title: "Planted", text: "x" }, headers: SAME_ORIGIN });
  expect(planted.status()).toBe(404);

  // Nothing changed for the owner.
  const stillThere = await first.request.get(`/api/documents/${documentId}`);
  expect(stillThere.status()).toBe(200);
  expect(((await stillThere.json()) as { document: { title: string } }).document.title).toBe("Private notes on the Leningrad opposition");

  // Signed out, the API answers 401 and pages send you to sign in.
  const anonymous = await browser.newPage();
  expect((await anonymous.request.get(`/api/documents/${documentId}`)).status()).toBe(401);
  await anonymous.goto(`/documents/${documentId}`);
  await expect(anonymous).toHaveURL(/\/signin\?callbackUrl=/);
});
