import { expect, test } from "@playwright/test";
import { aboutSource, formAlert, newSignedInAccount, openAboutSource, PASSWORD } from "./helpers";

const SEED_TITLES = [
  "About the discussion: Interview with Rost correspondent",
  "Creating the material basis of socialism - Industry Recovery",
  "14th Congress of the All-Union Communist Party (Bolsheviks)",
];

test("a new historian signs up, sees the seeded library, reads a document and adds one", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("link", { name: "Create an account" }).click();

  await page.getByLabel("Name").fill("Ada Historian");
  await page.getByLabel("Email").fill(`signup-${Date.now()}@example.org`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // Their own workspace, holding the five seed texts.
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Historian’s workspace");
  const documents = page.getByRole("list", { name: "Documents" }).getByRole("listitem");
  await expect(documents).toHaveCount(5);
  for (const title of SEED_TITLES) await expect(page.getByRole("link", { name: title })).toBeVisible();

  // Sorting by title puts "14th…" after "2. The…" (numbers compare by value).
  await page.getByRole("link", { name: /Sort by title/ }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(documents.first()).toContainText("2. The");

  // Read a document: paragraphs and metadata.
  await page.getByRole("link", { name: SEED_TITLES[0] }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLES[0]!);
  await openAboutSource(page);
  await expect(aboutSource(page)).toContainText("J. V. Stalin");
  await expect(aboutSource(page)).toContainText("1924-01-09");
  await expect(page.locator(".reading p").first()).toBeVisible();

  // Add a document by pasting text.
  await page.getByRole("link", { name: /workspace$/ }).click();
  await page.getByRole("link", { name: "Add document" }).click();
  await page.getByLabel("The source's text").fill("Pravda reports the congress opened on 18 December 1925.\n\nA second paragraph.");
  await page.getByLabel("Title", { exact: true }).fill("Pravda, 19 December 1925");
  await page.getByLabel("Date", { exact: true }).fill("19 December 1925");
  await expect(page.getByText("Sorted as 1925-12-19.")).toBeVisible();
  await page.getByLabel("Primary").check();
  await page.getByRole("button", { name: "Add document" }).click();

  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pravda, 19 December 1925");
  await expect(page.locator(".reading p")).toHaveCount(2);
  await page.getByRole("link", { name: /workspace$/ }).click();
  await expect(documents).toHaveCount(6);

  // Sign out, and the library is closed again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/library");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flibrary/);
});

test("the sign-in form says when the password is wrong, and signs in with the right one", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.context().clearCookies();

  await page.goto("/library");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("That email and password do not match an account.");

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${account.workspaceId}$`));
});

test("metadata can be edited and a document deleted after confirming", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: SEED_TITLES[2] }).click();
  await openAboutSource(page);
  await page.getByRole("link", { name: "Edit metadata" }).click();

  await page.getByLabel("Place", { exact: true }).fill("Moscow");
  await page.getByLabel("Date", { exact: true }).fill("c. 1925");
  await page.getByRole("button", { name: "Save metadata" }).click();
  await expect(aboutSource(page)).toContainText("Moscow");
  await expect(aboutSource(page)).toContainText("c. 1925");

  await openAboutSource(page);
  await page.getByRole("link", { name: "Edit metadata" }).click();
  await page.getByRole("button", { name: "Delete document…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this document?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Delete document…" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${account.workspaceId}$`));
  await expect(page.getByRole("list", { name: "Documents" }).getByRole("listitem")).toHaveCount(4);
  await expect(page.getByRole("link", { name: SEED_TITLES[2] })).toHaveCount(0);
});
