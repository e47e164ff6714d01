import { expect, test, type Browser, type Page } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount, selectTextWithMouse } from "./helpers";

const TEXT =
  "The beloved leader of the party spoke to the congress.\n\nThe opposition are generals without an army, whining about capitulatory plans.\n\nThe hall answered with stormy applause.";

const highlights = (page: Page) => page.locator(".ProseMirror [data-annotation-id]");

/** Saves a screenshot for a human to look at, when E2E_SHOTS names a folder (never in CI). */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/${name}.png`, fullPage: true });
}

/** A student in a browser of their own: signs up, joins by the invite link, opens the document. */
async function joinAsStudent(browser: Browser, name: string, code: string, documentTitle: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await newSignedInAccount(page, name);
  await page.goto(`/join/${code}`);
  await page.getByRole("button", { name: "Join the class" }).click();
  await expect(page.getByRole("heading", { name: "Assignments" })).toBeVisible();
  await page.getByRole("link", { name: "Spot the propaganda" }).click();
  await page.getByRole("link", { name: documentTitle }).click();
  await expect(page.locator(".ProseMirror")).toBeVisible();
  return page;
}

async function markWithMouse(page: Page, phrase: string, technique: string) {
  await selectTextWithMouse(page, phrase);
  await page.getByRole("toolbar", { name: "Annotate selection" }).getByRole("button", { name: /Bias marker/ }).click();
  const form = page.getByRole("dialog", { name: "New annotation" });
  await form.getByLabel("Technique").selectOption({ label: technique });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Bias marker saved.");
}


test("a teacher sets an assignment with a key; two students join by code and annotate blind; the teacher sees scores and the heatmap, releases, and a student sees the comparison", async ({ page, browser }) => {
  test.setTimeout(180_000);
  page.on("dialog", (dialog) => void dialog.accept());
  const teacher = await newSignedInAccount(page, "Teacher Tatiana");
  const doc = await createDocumentThroughApi(page, teacher.workspaceId, "Pravda, December 1925", TEXT);
  const { techniques } = (await (await page.request.get(`/api/workspaces/${teacher.workspaceId}/tags`)).json()) as { techniques: { id: string; name: string }[] };
  const techniqueId = (name: string) => techniques.find((t) => t.name.startsWith(name))!.id;
  await annotateThroughApi(page, doc, "beloved leader", { kind: "BIAS_MARKER", techniqueId: techniqueId("Loaded language") });
  await annotateThroughApi(page, doc, "generals without an army", { kind: "BIAS_MARKER", techniqueId: techniqueId("Name calling") });

  // The assignment, its key, and a class code.
  await page.goto(`/w/${teacher.workspaceId}/assignments`);
  const form = page.getByRole("form", { name: "New assignment" });
  await form.getByLabel("Title").fill("Spot the propaganda");
  await form.getByLabel("Instructions").fill("Mark every bias marker with its technique.");
  await form.getByLabel("Pravda, December 1925").check();
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.getByRole("heading", { name: "Spot the propaganda" })).toBeVisible();
  await page.getByRole("button", { name: "Select all" }).click();
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Key saved: 2 annotations." })).toBeVisible();
  const assignmentUrl = page.url();

  await page.goto(`/w/${teacher.workspaceId}/assignments`);
  await page.getByRole("button", { name: "New class code" }).click();
  const code = (await page.locator(".invite-code").first().textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{8}$/);

  // Two students annotate blind: neither sees the key nor the other's marks.
  const alice = await joinAsStudent(browser, "Alice Student", code, "Pravda, December 1925");
  await expect(highlights(alice)).toHaveCount(0);
  await markWithMouse(alice, "beloved leader", "Loaded language");
  await expect(highlights(alice)).toHaveCount(1);

  const boris = await joinAsStudent(browser, "Boris Student", code, "Pravda, December 1925");
  await expect(highlights(boris)).toHaveCount(0);
  await markWithMouse(boris, "generals without an army", "Loaded language");
  await markWithMouse(boris, "stormy applause", "Exaggeration / minimisation");
  await expect(highlights(boris)).toHaveCount(2);
  await alice.reload();
  await expect(highlights(alice)).toHaveCount(1);

  for (const student of [alice, boris]) {
    await student.goBack();
    await expect(student.getByRole("button", { name: "Submit my work" })).toBeVisible();
    await student.getByRole("button", { name: "Submit my work" }).click();
    await expect(student.locator(".alert--info")).toContainText("Submitted");
  }

  // The teacher's progress, results and heatmap.
  await page.goto(assignmentUrl);
  await expect(page.locator("tr[data-student='Alice Student']")).toContainText("1");
  await page.getByRole("link", { name: "Results" }).click();
  const table = page.locator(".results-table");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tr", { hasText: "Alice Student" })).toContainText("100.0%");
  await expect(page.locator(".plot-figure__canvas[data-ready='true'] svg").first()).toBeVisible();
  await expect(page.locator(".plot-figure__canvas[data-ready='true']")).toHaveCount(3);
  const csv = await page.request.get(page.url().replace(/\/w\/[^/]+\/assignments\/([^/]+)\/results$/, "/api/assignments/$1/results?format=csv"));
  expect(await csv.text()).toContain("Alice Student");
  await shot(page, "results");

  await page.getByRole("link", { name: "Class heatmap" }).click();
  await expect(page.locator(".heatmap-text[data-ready='true']")).toBeVisible();
  await page.locator(".heatmap-text .heat", { hasText: "generals without an army" }).first().click();
  await expect(page.locator(".flag-list")).toContainText("Boris Student");
  await expect(page.locator(".heatmap-side")).toContainText("Name calling");
  await shot(page, "heatmap");

  await page.goto(assignmentUrl);
  await page.locator("textarea[aria-label='Comment for Alice Student']").fill("A sharp eye: now look at how the opposition is named.");
  await page.locator("tr[data-student='Alice Student']").getByRole("button", { name: "Save comment" }).click();
  await expect(page.locator("tr[data-student='Alice Student']").getByText("Saved")).toBeVisible();
  await page.getByRole("button", { name: "Release results" }).click();
  await expect(page.getByText(/Results released/)).toBeVisible();

  // A student sees their marks beside the key, their scores and the comment.
  await alice.goto("/assignments");
  await expect(alice.getByRole("row", { name: /Spot the propaganda/ })).toContainText("Results released");
  await alice.getByRole("link", { name: "Spot the propaganda" }).click();
  await expect(alice.getByRole("heading", { name: "Spot the propaganda" })).toBeVisible();
  await expect(alice.locator(".score-cards")).toContainText("100.0%");
  await expect(alice.locator(".teacher-comment")).toContainText("A sharp eye");
  await expect(alice.locator(".fb--hit", { hasText: "beloved leader" })).toHaveCount(2);
  await expect(alice.locator(".fb--missed", { hasText: "generals without an army" })).toHaveCount(1);
  await expect(alice.getByText("stormy applause").locator("xpath=ancestor-or-self::mark")).toHaveCount(0);
  await shot(alice, "feedback");
});
