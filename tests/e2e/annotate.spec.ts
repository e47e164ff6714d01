import { expect, test, type Page } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount, selectTextWithMouse, signInThroughApi, signUpThroughApi } from "./helpers";

const highlight = (page: Page, id: string) => page.locator(`.ProseMirror [data-annotation-id="${id}"]`);
const cards = (page: Page) => page.getByRole("list", { name: "Annotations in text order" }).getByRole("article");

async function openDocument(page: Page, workspaceId: string, title: string) {
  await page.goto(`/w/${workspaceId}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.locator(".ProseMirror")).toBeVisible();
}

test("select with the keyboard or the mouse, tag a phrase as a bias marker with a technique; it survives a reload; an overlapping claim by keyboard", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const doc = await createDocumentThroughApi(
    page,
    account.workspaceId,
    "Pravda editorial (excerpt)",
    "The socialist structure of the economy grew steadily stronger and stronger.\n\nThe opposition are generals without an army.",
  );
  await page.goto(`/documents/${doc.id}`);
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await expect(page.getByText("No annotations yet.", { exact: false })).toBeVisible();

  // The text takes a caret and keyboard selection (it is contenteditable, with typing refused); React
  // is told otherwise, so it does not walk the whole text around each of its updates (see
  // components/editor/plugins/selection-owner-plugin.ts).
  const text = page.locator(".ProseMirror");
  expect(await text.evaluate((el: HTMLElement) => [el.getAttribute("contenteditable"), el.isContentEditable, el.contentEditable])).toEqual(["true", true, "inherit"]);
  await text.locator("p", { hasText: "The opposition are generals" }).click();
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+End");
  await expect(page.getByRole("toolbar", { name: "Annotate selection" })).toBeVisible();
  await page.keyboard.press("x");
  const byKeyboard = page.getByRole("dialog", { name: "New annotation" });
  await expect(byKeyboard.getByLabel("Kind")).toHaveValue("CONTRADICTION");
  await expect(byKeyboard.locator("blockquote")).toHaveText("The opposition are generals without an army.");
  await byKeyboard.getByRole("button", { name: "Cancel" }).click();
  await expect(byKeyboard).toBeHidden();

  await selectTextWithMouse(page, "steadily stronger and stronger");
  const toolbar = page.getByRole("toolbar", { name: "Annotate selection" });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("button", { name: /Bias marker/ }).click();

  const form = page.getByRole("dialog", { name: "New annotation" });
  await expect(form.locator("blockquote")).toHaveText("steadily stronger and stronger");
  await form.getByLabel("Technique").selectOption({ label: "Repetition" });
  await expect(form.getByText("The same message said again and again until it sticks.")).toBeVisible();
  await form.getByLabel("Note").fill("The doubled comparative stands in for evidence.");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Bias marker saved.");

  await page.reload();
  await expect(page.locator(".ProseMirror [data-annotation-id]")).toHaveText("steadily stronger and stronger");
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText("Bias marker · Repetition");
  const biasId = await page.locator(".ProseMirror [data-annotation-id]").first().getAttribute("data-annotation-id");

  // An overlapping claim, opened with the keyboard shortcut C and saved with Ctrl+Enter.
  await selectTextWithMouse(page, "The socialist structure of the economy grew steadily stronger");
  await page.keyboard.press("c");
  const claimForm = page.getByRole("dialog", { name: "New annotation" });
  await expect(claimForm.getByLabel("Kind")).toHaveValue("CLAIM");
  await claimForm.getByLabel("Verdict").selectOption("DISPUTED");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  await expect(cards(page)).toHaveCount(2);

  // Both highlights cover "steadily stronger": the spans nest, so both ids sit over those words.
  await page.reload();
  // The server-drawn first screen comes before the editor: read the editor's DOM once it is there.
  await page.locator(".ProseMirror").first().waitFor();
  const idsOverOverlap = await page.evaluate(() => {
    const root = document.querySelector(".ProseMirror")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n as Text).data.includes("steadily")) {
        const ids: string[] = [];
        for (let el = n.parentElement; el && el !== root; el = el.parentElement) {
          const id = el.getAttribute("data-annotation-id");
          if (id) ids.push(id);
        }
        return ids;
      }
    }
    return [];
  });
  expect(idsOverOverlap).toHaveLength(2);
  expect(idsOverOverlap).toContain(biasId);

  // Clicking a highlight opens its card; Enter on a card's summary scrolls back to the text.
  await highlight(page, biasId!).first().click();
  await expect(cards(page).filter({ hasText: "Repetition" }).getByRole("button", { name: /Bias marker/ })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("The doubled comparative stands in for evidence.").last()).toBeVisible();

  // Filter by kind.
  await page.getByLabel("Kind", { exact: true }).first().selectOption("CLAIM");
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText("Claim · Disputed");
});

test("editing the text so an annotation's words vanish orphans it, and nothing else moves", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const doc = await createDocumentThroughApi(page, account.workspaceId, "Congress report (transcription)", "The congress opened on 18 December 1925.\n\nDelegates numbered 1,306 in all.");
  const kept = await annotateThroughApi(page, doc, "18 December 1925", { kind: "CLAIM", verdict: "CORROBORATED" });
  await annotateThroughApi(page, doc, "1,306", { kind: "CLAIM", note: "Other sources give 1,306 delegates with a deciding vote." });

  await page.goto(`/documents/${doc.id}`);
  await expect(page.locator(".ProseMirror [data-annotation-id]")).toHaveCount(2);
  await page.getByRole("button", { name: "Edit text" }).click();
  await selectTextWithMouse(page, "numbered 1,306 in all");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("met for two weeks");
  await page.getByRole("button", { name: "Save revision" }).click();

  await expect(page.getByRole("status")).toContainText("Saved as revision 2.");
  await expect(page.getByRole("status")).toContainText("1 orphaned");
  await expect(page.getByRole("button", { name: "Edit text" })).toBeVisible();
  const orphans = page.getByRole("region", { name: /Orphaned/ });
  await expect(orphans).toContainText("1,306");
  await expect(page.locator(".ProseMirror")).toContainText("Delegates met for two weeks.");
  await expect(highlight(page, kept.id)).toHaveText("18 December 1925");
  await expect(page.locator(".ProseMirror [data-annotation-id]")).toHaveCount(1);

  // Re-attach the orphan to new words.
  await selectTextWithMouse(page, "two weeks");
  await orphans.getByRole("button", { name: "Re-attach to selection" }).click();
  await expect(page.getByRole("status")).toContainText("Re-attached.");
  await expect(page.getByRole("region", { name: /Orphaned/ })).toHaveCount(0);
  await expect(page.locator(".ProseMirror [data-annotation-id]")).toHaveCount(2);
});

test("a long text is edited one section at a time; the text outside the section is kept as it was", async ({ page }) => {
  const account = await newSignedInAccount(page);
  // Two sections: a heading opens the second.
  const text = [
    "Minutes of the morning sitting.",
    "The chairman opened the sitting at ten o'clock.",
    "Reports from the regional delegations",
    "The Leningrad delegation read its statement.",
    "The Moscow delegation replied at length.",
  ].join("\n\n");
  const doc = await createDocumentThroughApi(page, account.workspaceId, "Minutes (two sections)", text);
  const early = await annotateThroughApi(page, doc, "opened the sitting", { kind: "CLAIM" });
  const late = await annotateThroughApi(page, doc, "read its statement", { kind: "CLAIM" });
  await page.goto(`/documents/${doc.id}`);
  await expect(page.locator(".ProseMirror [data-annotation-id]")).toHaveCount(2);

  // Editing starts in the section at the top; the other section is plain text until clicked.
  await page.getByRole("button", { name: "Edit text" }).click();
  const editing = page.getByRole("group", { name: /being edited/ });
  await expect(editing).toContainText("Editing section 1 of 2");
  await expect(editing.locator(`[data-annotation-id="${early.id}"]`)).toHaveText("opened the sitting");
  const plainText = page.locator(".text-section:not(.text-section--active)");
  await plainText.getByText("The Moscow delegation replied at length.").click();
  await expect(editing).toContainText("Editing section 2 of 2");
  await expect(editing.locator(`[data-annotation-id="${late.id}"]`)).toHaveText("read its statement");

  // The caret is where the click was: type, then the first section can no longer be switched to.
  await page.keyboard.press("End");
  await page.keyboard.type(" Applause.");
  await expect(editing).toContainText("changed");
  await plainText.getByText("The chairman opened the sitting").click();
  await expect(page.getByRole("status")).toContainText("Save or cancel your changes to section 2");
  await expect(editing).toContainText("Editing section 2 of 2");

  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByRole("status")).toContainText("Saved as revision 2. 2 annotations unchanged.");
  // The new revision opens in reading mode.
  await expect(page.getByRole("button", { name: "Edit text" })).toBeVisible();
  await expect(page.locator(".ProseMirror")).toContainText("The Moscow delegation replied at length. Applause.");
  await expect(highlight(page, early.id)).toHaveText("opened the sitting");
  await expect(highlight(page, late.id)).toHaveText("read its statement");
  const saved = await page.request.get(`/api/documents/${doc.id}`);
  expect(((await saved.json()) as { document: { revision: { text: string } } }).document.revision.text).toBe(text.replace("at length.", "at length. Applause."));
});

test("a second member sees the workspace's annotations but not another member's private ones", async ({ browser }) => {
  const ownerPage = await browser.newPage();
  const owner = await newSignedInAccount(ownerPage, "Owner Historian");
  const colleague = await signUpThroughApi((await browser.newPage()).request, "Colleague Historian");

  await ownerPage.goto(`/w/${owner.workspaceId}/members`);
  await ownerPage.getByLabel("Their account's email").fill(colleague.email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await ownerPage.getByRole("button", { name: "Add member" }).click();
  await expect(ownerPage.getByRole("cell", { name: colleague.email })).toBeVisible();

  const doc = await createDocumentThroughApi(ownerPage, owner.workspaceId, "Shared source", "More than 90% approve. The opposition is a small group.");
  await annotateThroughApi(ownerPage, doc, "More than 90% approve", { kind: "CLAIM", note: "Shared with the workspace." });
  await annotateThroughApi(ownerPage, doc, "a small group", { kind: "BIAS_MARKER", visibility: "PRIVATE", note: "My private hunch about minimisation." });

  const colleaguePage = await browser.newPage();
  await signInThroughApi(colleaguePage, colleague);
  await openDocument(colleaguePage, owner.workspaceId, "Shared source");
  await expect(colleaguePage.locator(".ProseMirror [data-annotation-id]")).toHaveCount(1);
  await expect(colleaguePage.locator(".ProseMirror [data-annotation-id]")).toHaveText("More than 90% approve");
  await expect(cards(colleaguePage)).toHaveCount(1);
  await expect(colleaguePage.getByText("My private hunch")).toHaveCount(0);
  const apiView = await colleaguePage.request.get(`/api/documents/${doc.id}/annotations`);
  expect(JSON.stringify(await apiView.json())).not.toContain("private hunch");

  // The viewer may read and reply, but not annotate: no toolbar on selection.
  await selectTextWithMouse(colleaguePage, "small group");
  await expect(colleaguePage.getByRole("toolbar", { name: "Annotate selection" })).toHaveCount(0);
  await cards(colleaguePage).first().getByRole("button").first().click();
  await cards(colleaguePage).first().getByPlaceholder("Reply…").fill("Which resolutions?");
  await cards(colleaguePage).first().getByRole("button", { name: "Reply" }).click();
  await expect(cards(colleaguePage).first()).toContainText("Which resolutions?");

  // The owner still sees both.
  await ownerPage.goto(`/documents/${doc.id}`);
  await expect(ownerPage.locator(".ProseMirror [data-annotation-id]")).toHaveCount(2);
});

test("a half-written reply survives its card leaving the virtualised panel and coming back", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: "Creating the material basis of socialism - Industry Recovery" }).click();
  await expect(page.locator(".ProseMirror")).toBeVisible();
  const marker = cards(page).filter({ hasText: "beloved leader" });
  await marker.click();
  await marker.getByPlaceholder("Reply…").fill("Compare the 1938 edition");
  // Showing only claims unmounts the bias marker's card; showing all kinds brings it back.
  await page.getByLabel("Kind", { exact: true }).first().selectOption("CLAIM");
  await expect(marker).toHaveCount(0);
  await page.getByLabel("Kind", { exact: true }).first().selectOption("");
  await expect(marker.getByPlaceholder("Reply…")).toHaveValue("Compare the 1938 edition");
});

test("a long note comes with the page as its opening; the card shows it whole, and editing keeps every word", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const doc = await createDocumentThroughApi(page, account.workspaceId, "Minutes with a long note", "Delegates numbered 1,306 in all.\n\nThe vote was unanimous.");
  const note = Array.from({ length: 40 }, (_, i) => `Point ${i + 1}: not in the stenographic report.`).join(" ");
  const { id } = await annotateThroughApi(page, doc, "1,306 in all", { kind: "CLAIM", note });
  const html = await (await page.request.get(`/documents/${doc.id}`)).text();
  expect(html).toContain("Point 1:");
  expect(html).not.toContain("Point 40:");

  await page.goto(`/documents/${doc.id}`);
  const card = cards(page).filter({ hasText: "1,306 in all" });
  await card.getByRole("button", { expanded: false }).click();
  await expect(card).toContainText("Point 40: not in the stenographic report.");
  await card.getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("dialog", { name: "Edit annotation" });
  await expect(form.getByLabel("Note")).toHaveValue(note);
  await form.getByLabel("Note").fill(`${note} Checked.`);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Claim updated.");
  const saved = await page.request.get(`/api/annotations/${id}/note`);
  expect(((await saved.json()) as { note: string }).note).toBe(`${note} Checked.`);
});
