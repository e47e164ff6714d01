import { expect, test } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount, selectTextWithMouse } from "./helpers";

// Issue 16: an edit reaching into a highlight from the word before it never leaves the highlight
// holding the remnant of that word, on screen or in the database, and both show the same words.
test("a deletion across a highlight's start leaves it on whole words, drawn while editing as it is stored", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const doc = await createDocumentThroughApi(
    page,
    account.workspaceId,
    "Conference and congress",
    "The April Conference of 1925 had already decided.\n\nNow new was decided on the economy: the congress only confirmed it.",
  );
  const claim = await annotateThroughApi(page, doc, "new was decided on the economy:", { kind: "CLAIM" });
  await page.goto(`/documents/${doc.id}`);
  await expect(page.locator(`.ProseMirror [data-annotation-id="${claim.id}"]`)).toHaveText("new was decided on the economy:");

  await page.getByRole("button", { name: "Edit text" }).click();
  const editing = page.getByRole("group", { name: /being edited/ });
  await expect(editing.locator(`[data-annotation-id="${claim.id}"]`)).toHaveText("new was decided on the economy:");
  // "Now new was" loses "ow ne": "Nw was". The highlight's "w" would be the end of the word "Nw".
  await selectTextWithMouse(page, "ow ne");
  await page.keyboard.press("Backspace");
  await expect(editing).toContainText("Nw was decided on the economy:");
  await expect(editing.locator(`[data-annotation-id="${claim.id}"]`)).toHaveText("was decided on the economy:");
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reanchor-editing.png` });

  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("status")).toContainText("Saved as revision 2.");
  await expect(page.getByRole("button", { name: "Edit text" })).toBeVisible();
  await expect(page.locator(`.ProseMirror [data-annotation-id="${claim.id}"]`)).toHaveText("was decided on the economy:");
  const stored = (await (await page.request.get(`/api/documents/${doc.id}/annotations`)).json()) as { annotations: { id: string; exact: string; anchorStatus: string }[] };
  expect(stored.annotations.find((a) => a.id === claim.id)).toMatchObject({ exact: "was decided on the economy:", anchorStatus: "ANCHORED" });
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/reanchor-saved.png` });
});
