import { expect, test, type Page } from "@playwright/test";
import { newSignedInAccount, selectTextWithMouse } from "./helpers";

const SEED_002 = "Creating the material basis of socialism - Industry Recovery";
const SEED_003 = '2. The "Building Socialism" in the early 1920s';
const cards = (page: Page) => page.getByRole("list", { name: "Annotations in text order" }).getByRole("article");

test("type in the header box, narrow by a facet, open a hit with its words selected and annotate it with one key", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.goto(`/w/${account.workspaceId}`);

  // "/" focuses the header's box from anywhere but a text field.
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: /Search this workspace/ });
  await expect(box).toBeFocused();
  await box.fill("Pomgol");
  await box.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/w/${account.workspaceId}/search\\?q=Pomgol`));
  await expect(page.getByRole("status").filter({ hasText: "for “Pomgol”" })).toContainText(/\d+ results?/);
  await expect(page.locator(".search-hit mark").first()).toHaveText(/Pomgol/i);

  // A facet narrows the results to texts' blocks of secondary sources.
  const facets = page.getByRole("complementary", { name: "Narrow the results" });
  await facets.getByRole("link", { name: "Secondary" }).click();
  await expect(page).toHaveURL(/source=SECONDARY/);
  await expect(page.getByRole("heading", { level: 2, name: SEED_003 })).toBeVisible();

  // The text hit opens the document with the words selected: C makes them a claim.
  await page.locator(".search-hit--block .search-hit__open").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_003);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("Pomgol");
  await page.keyboard.press("c");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  await expect(cards(page).filter({ hasText: "Pomgol" }).first()).toBeVisible();
});

test("a hostile query gets a clear answer, never an error", async ({ page }) => {
  const account = await newSignedInAccount(page);
  for (const q of ['"unbalanced', "*", "body:famine NEAR(", "-famine"]) {
    const response = await page.request.get(`/api/workspaces/${account.workspaceId}/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
  }
  await page.goto(`/w/${account.workspaceId}/search?q=-famine`);
  await expect(page.getByText("Add a word to search for")).toBeVisible();
  expect((await page.request.get(`/api/workspaces/${account.workspaceId}/search?q=x&page=0`)).status()).toBe(422);
});

test("link a claim to a passage found through the Link… search, with the preview beside the text", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: SEED_002 }).click();
  await expect(page.locator(".ProseMirror")).toBeVisible();

  await selectTextWithMouse(page, "The working class stubbornly and persistently conquered span after span of new positions");
  await page.keyboard.press("c");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  const card = cards(page).filter({ hasText: "stubbornly and persistently" });
  await card.getByRole("button", { name: "Link…" }).click();
  await card.getByRole("button", { name: "Find the passage…" }).click();

  const finder = page.getByRole("dialog", { name: "Find the passage to link" });
  await expect(finder.getByRole("region", { name: "Suggested passages" })).toBeVisible();
  // One click on a suggested passage links it (one request); the card counts the link at once.
  const suggestion = finder.locator(".link-suggestion").first();
  await suggestion.getByRole("button", { name: "corroborates" }).click();
  await expect(finder.getByRole("status").filter({ hasText: "Linked" })).toContainText("this annotation corroborates");
  await expect(card.locator(".annotation-card__meta")).toContainText("1 link");
  await finder.getByLabel("This annotation").selectOption("CONTRADICTS");
  await finder.getByRole("searchbox", { name: "Search every document for the passage" }).fill('"widespread famine"');
  await finder.getByRole("button", { name: "Search", exact: true }).click();
  await finder.getByRole("region", { name: "Search results" }).getByRole("button", { name: new RegExp(SEED_003.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();

  // The passage shows beside the text with the words found selected; select exactly the words to link.
  const preview = finder.getByRole("region", { name: "Preview of the passage" });
  await expect(preview.locator(".link-finder__text")).toContainText("widespread famine");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("widespread famine");
  await page.evaluate((wanted) => {
    const element = document.querySelector(".link-finder__text")!;
    const node = element.firstChild as Text;
    const at = node.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, "widespread famine resulted from Lenin's economic policy");
  await expect(preview).toContainText("Selected: “widespread famine resulted from Lenin's economic policy”");
  await preview.getByRole("button", { name: /Annotate and link/ }).click();
  await expect(finder.getByRole("status").filter({ hasText: "Linked" })).toContainText("contradicts “widespread famine resulted from Lenin's economic policy”");

  // Still on 002: the card shows the new link; 003 has the target annotation.
  await finder.getByRole("button", { name: "Close the link finder" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_002);
  await expect(card.getByRole("link", { name: /widespread famine resulted/ })).toBeVisible();
  await expect(card.locator(".annotation-card__meta")).toContainText("2 links");
  await card.getByRole("link", { name: /widespread famine resulted/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_003);
  await expect(cards(page).filter({ hasText: "widespread famine resulted" }).first()).toBeVisible();
});
