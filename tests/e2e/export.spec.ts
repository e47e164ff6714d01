import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { formAlert, newSignedInAccount } from "./helpers";

const SEED_002 = "Creating the material basis of socialism - Industry Recovery";

test("export the seed workspace from the UI, open the report, and import the bundle back with a report", async ({ page, context }) => {
  const account = await newSignedInAccount(page, "Export Historian");
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: "Export & import" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export & import");

  // The report, for two documents' bias markers only, opens in a new tab.
  await page.getByLabel("Readable report (HTML)").check();
  await page.getByRole("radio", { name: "Choose…" }).check();
  await page.getByRole("checkbox", { name: new RegExp(SEED_002.replace(/[-()]/g, ".")) }).check();
  await page.getByLabel("Kind").selectOption("BIAS_MARKER");
  const [report] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "Open report in a new tab" }).click()]);
  await report.waitForLoadState();
  await expect(report.getByRole("heading", { level: 2, name: SEED_002 })).toBeVisible();
  await expect(report.getByText("Bias markers", { exact: false }).first()).toBeVisible();
  await expect(report.locator("body")).not.toContainText("2. The \"Building Socialism\"");
  await report.close();

  // The whole workspace as a bundle, downloaded with progress.
  await page.getByRole("radio", { name: /^All/ }).check();
  await page.getByLabel("Kind").selectOption("");
  await page.getByLabel("Workbench bundle (ZIP)").check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.workbench\.zip$/);
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toContainText(download.suggestedFilename());

  // A broken file is refused whole, with the reason.
  await page.getByLabel("File").setInputFiles({ name: "broken.jsonld", mimeType: "application/ld+json", buffer: Buffer.from("{ not json") });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(formAlert(page)).toContainText("cannot be read as W3C Web Annotations");
  await expect(formAlert(page)).toContainText("Nothing was imported.");

  // The bundle comes back in: five more documents and every annotation placed.
  await page.getByLabel("File").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  const summary = page.locator(".import-summary");
  await expect(summary).toContainText("Imported 47 annotations, 5 documents, 0 replies and 20 links.");
  await expect(summary).toContainText("Orphaned: 0.");
  await page.goto(`/w/${account.workspaceId}`);
  await expect(page.getByRole("link", { name: SEED_002 })).toHaveCount(2);
});
