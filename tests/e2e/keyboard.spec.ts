import { expect, test, type Page } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount, SAME_ORIGIN } from "./helpers";

const OFFICIAL = "Harvest report (official)";
const LETTERS = "Village letters";
const OFFICIAL_TEXT = "Grain harvests doubled in 1925.\n\nThe villages welcomed the new tax in kind.";
const LETTERS_TEXT = "Grain harvests fell sharply in 1925.\n\nThe villages complained of the tax collectors.";

/** What the focus should reach: the reading view's text, a highlight with these words, or a control by tag and text (or label). */
type FocusTarget = { editor: true } | { highlight: string } | { tag: "A" | "BUTTON" | "SELECT"; text?: string; label?: string };

/** Presses Tab (or Shift+Tab) until the focused element is `target`; fails after `limit` presses. */
async function tabUntil(page: Page, target: FocusTarget, { limit = 80, backwards = false } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const reached = await page.evaluate((wanted) => {
      const element = document.activeElement;
      if (!element) return false;
      if ("editor" in wanted) return element.classList.contains("ProseMirror");
      if ("highlight" in wanted) return element.hasAttribute("data-annotation-id") && element.textContent === wanted.highlight;
      if (element.tagName !== wanted.tag) return false;
      if (wanted.text !== undefined && element.textContent?.trim() !== wanted.text) return false;
      const labels = element instanceof HTMLSelectElement ? [...(element.labels ?? [])].map((l) => l.textContent?.trim()) : [];
      return wanted.label === undefined || labels.includes(wanted.label);
    }, target);
    if (reached) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** With the caret at the start of the text, selects its first `count` characters with Shift+→. */
async function selectFromStart(page: Page, count: number) {
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < count; i++) await page.keyboard.press("Shift+ArrowRight");
}

test("the keyboard alone: reach the text, select with Shift+arrows, annotate with a key, open the card, link it, step through contradictions with J/K", async ({ page }) => {
  test.setTimeout(120_000);
  const account = await newSignedInAccount(page, "Keyboard Historian");
  const official = await createDocumentThroughApi(page, account.workspaceId, OFFICIAL, OFFICIAL_TEXT);
  const letters = await createDocumentThroughApi(page, account.workspaceId, LETTERS, LETTERS_TEXT);
  // A contradiction already decided between the two texts, so J/K has somewhere to go.
  const taxSaid = await annotateThroughApi(page, official, "welcomed the new tax", { kind: "CLAIM" });
  const taxDenied = await annotateThroughApi(page, letters, "complained of the tax collectors", { kind: "CLAIM" });
  const earlier = await page.request.post("/api/links", { data: { sourceAnnotationId: taxSaid.id, targetAnnotationId: taxDenied.id, type: "CONTRADICTS" }, headers: SAME_ORIGIN });
  expect(earlier.status(), await earlier.text()).toBe(201);

  // The workspace's list of documents, then the text itself, by Tab.
  await page.goto(`/w/${account.workspaceId}`);
  await tabUntil(page, { tag: "A", text: OFFICIAL });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(OFFICIAL);
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await tabUntil(page, { editor: true });

  // Shift+→ selects "Grain harvests doubled"; C makes it a claim; Ctrl+Enter saves.
  await selectFromStart(page, "Grain harvests doubled".length);
  await expect(page.getByRole("toolbar", { name: "Annotate selection" })).toBeVisible();
  await page.keyboard.press("c");
  const composer = page.getByRole("dialog", { name: "New annotation" });
  await expect(composer).toContainText("Grain harvests doubled");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  const highlight = page.locator(".ProseMirror [data-annotation-id]", { hasText: "Grain harvests doubled" });
  await expect(highlight).toHaveAccessibleName(/^Grain harvests doubled \(Claim: unverified, by Keyboard Historian\)$/);

  // The highlight is the next stop after the text; Enter on it opens its card.
  await tabUntil(page, { highlight: "Grain harvests doubled" });
  await page.keyboard.press("Enter");
  const card = page.getByRole("article").filter({ hasText: "Grain harvests doubled" });
  await expect(card.getByRole("button", { expanded: true })).toBeVisible();

  // Link…: "contradicts" a passage in the letters (type-ahead in the select), chosen there by keyboard too.
  await tabUntil(page, { tag: "BUTTON", text: "Link…" });
  await page.keyboard.press("Enter");
  await expect(card.getByLabel("This annotation")).toHaveValue("CONTRADICTS");
  await tabUntil(page, { tag: "SELECT", label: "a passage in" });
  await page.keyboard.type("Village");
  await expect(card.getByLabel("a passage in")).toHaveValue(letters.id);
  await tabUntil(page, { tag: "BUTTON", text: "Choose the passage…" }, { limit: 5 });
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LETTERS);
  await expect(page.getByRole("region", { name: "Choosing a link target" })).toContainText("Grain harvests doubled");
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await tabUntil(page, { editor: true });
  await selectFromStart(page, "Grain harvests fell sharply".length);
  await page.keyboard.press("x");
  await expect(page.getByRole("dialog", { name: "New annotation" })).toContainText("Grain harvests fell sharply");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Linked: “Grain harvests doubled” contradicts this passage.");

  // The status line's "Compare side by side", then J and K between the two contradictions.
  await tabUntil(page, { tag: "A", text: "Compare side by side" }, { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/compare\?left=.+&right=.+&link=/);
  const pair = page.getByRole("region", { name: "The selected pair" });
  await expect(pair).toContainText("Grain harvests fell sharply");
  const opened = new URL(page.url()).searchParams.get("link");
  await page.keyboard.press("j");
  await expect(pair).toContainText("complained of the tax collectors");
  await expect(page).not.toHaveURL(new RegExp(`link=${opened}`));
  await page.keyboard.press("k");
  await expect(pair).toContainText("Grain harvests fell sharply");
  await expect(page).toHaveURL(new RegExp(`link=${opened}`));
});
