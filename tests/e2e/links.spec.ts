import { expect, test, type Page } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount, selectTextWithMouse, signInThroughApi, signUpThroughApi, SAME_ORIGIN } from "./helpers";

const SEED_002 = "Creating the material basis of socialism - Industry Recovery";
const SEED_003 = '2. The "Building Socialism" in the early 1920s';
const cards = (page: Page) => page.getByRole("list", { name: "Annotations in text order" }).getByRole("article");

test("link a claim in 002 to a contradicting passage in 003 from the UI, decide it side by side, and see it on the board and in the reliability summary", async ({ page }) => {
  const account = await newSignedInAccount(page);
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: SEED_002 }).click();
  await expect(page.locator(".ProseMirror")).toBeVisible();

  // A new claim in 002, then "Link…" from its card.
  await selectTextWithMouse(page, "The working class stubbornly and persistently conquered span after span of new positions");
  await page.keyboard.press("c");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  const card = cards(page).filter({ hasText: "stubbornly and persistently" });
  await card.getByRole("button", { name: "Link…" }).click();
  await card.getByLabel("This annotation").selectOption("CONTRADICTS");
  await card.getByLabel("a passage in").selectOption({ label: SEED_003 });
  await card.getByRole("button", { name: "Choose the passage…" }).click();

  // In 003: the banner explains; selecting words and annotating them completes the link.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_003);
  await expect(page.getByRole("region", { name: "Choosing a link target" })).toContainText("stubbornly and persistently");
  await selectTextWithMouse(page, "widespread famine resulted from Lenin's economic policy");
  await page.keyboard.press("c");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("contradicts this passage");
  await page.getByRole("link", { name: "Compare side by side" }).first().click();

  // Side by side: both passages marked, the verdict decided in place.
  await expect(page).toHaveURL(/\/compare\?left=.+&right=.+&link=/);
  const pair = page.getByRole("region", { name: "The selected pair" });
  await expect(pair).toContainText("stubbornly and persistently");
  await expect(pair).toContainText("widespread famine resulted");
  await expect(page.locator("mark.is-current")).toHaveCount(2);
  await expect(page.locator(".cmp-connector.is-current")).toHaveCount(1);
  await pair.getByLabel("Verdict").selectOption("SECOND_MORE_RELIABLE");
  await pair.getByLabel("Rationale").fill("A scholarly monograph with cited data against a party history.");
  await pair.getByRole("button", { name: "Save verdict" }).click();
  await expect(pair.getByRole("status")).toContainText("Decided by Test Historian");

  // Next/previous walks the workspace's contradictions between these two texts (the demo set has more).
  await page.getByRole("button", { name: "Next contradiction →" }).click();
  await expect(page).toHaveURL(/link=/);

  // The board lists it with its verdict and who decided.
  await page.goto(`/w/${account.workspaceId}/contradictions`);
  const row = page.getByRole("row").filter({ hasText: "stubbornly and persistently" });
  await expect(row).toContainText("Second more reliable");
  await expect(row).toContainText("Test Historian");
  await page.getByLabel("Status").selectOption("UNRESOLVED");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "stubbornly and persistently" })).toHaveCount(0);

  // 002's reliability summary counts the lost contradiction.
  await page.goto(`/w/${account.workspaceId}`);
  await page.getByRole("link", { name: SEED_002 }).click();
  const reliability = page.getByRole("group", { name: "Reliability" });
  await reliability.locator("summary").click();
  const evidence = reliability.getByRole("listitem").filter({ hasText: "stubbornly and persistently" });
  await expect(evidence.filter({ hasText: "contradiction with" })).toContainText("Second more reliable — undermines");
  await expect(evidence.filter({ hasText: "claim:" })).toContainText("Unverified — open");

  // The claim graph shows the web and the board link.
  await page.goto(`/w/${account.workspaceId}/graph`);
  await expect(page.getByRole("img", { name: /Graph of \d+ links/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /stubbornly and persistently/ })).toBeVisible();
});

test("a member who cannot see a private annotation sees neither the link nor its quote", async ({ browser }) => {
  const ownerPage = await browser.newPage();
  const owner = await newSignedInAccount(ownerPage, "Owner Historian");
  const colleague = await signUpThroughApi((await browser.newPage()).request, "Colleague Historian");
  await ownerPage.goto(`/w/${owner.workspaceId}/members`);
  await ownerPage.getByLabel("Their account's email").fill(colleague.email);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("EDITOR");
  await ownerPage.getByRole("button", { name: "Add member" }).click();
  await expect(ownerPage.getByRole("cell", { name: colleague.email })).toBeVisible();

  const first = await createDocumentThroughApi(ownerPage, owner.workspaceId, "Report A", "The congress opened on 18 December 1925.");
  const second = await createDocumentThroughApi(ownerPage, owner.workspaceId, "Report B", "The congress opened on 19 December 1925, a secret source says.");
  const shared = await annotateThroughApi(ownerPage, first, "18 December 1925", { kind: "CLAIM" });
  const secret = await annotateThroughApi(ownerPage, second, "a secret source says", { kind: "CLAIM", visibility: "PRIVATE" });
  const linked = await ownerPage.request.post("/api/links", { data: { sourceAnnotationId: shared.id, targetAnnotationId: secret.id, type: "CONTRADICTS" }, headers: SAME_ORIGIN });
  expect(linked.status()).toBe(201);
  const { link } = (await linked.json()) as { link: { id: string } };

  const colleaguePage = await browser.newPage();
  await signInThroughApi(colleaguePage, colleague);
  await colleaguePage.goto(`/documents/${first.id}`);
  await expect(cards(colleaguePage)).toHaveCount(1);
  await cards(colleaguePage).first().getByRole("button").first().click();
  await expect(cards(colleaguePage).first()).not.toContainText("secret source");
  await expect(cards(colleaguePage).first()).not.toContainText("Contradicts");

  // The owner's workspace holds the demo contradictions; this one is not among what the colleague sees.
  await colleaguePage.goto(`/w/${owner.workspaceId}/contradictions`);
  await expect(colleaguePage.getByRole("table")).toBeVisible();
  await expect(colleaguePage.getByRole("row").filter({ hasText: "18 December 1925" })).toHaveCount(0);
  await expect(colleaguePage.getByText("secret source")).toHaveCount(0);
  await colleaguePage.goto(`/compare?left=${first.id}&right=${second.id}&link=${link.id}`);
  await expect(colleaguePage.getByText("No contradictions between these texts")).toBeVisible();
  await expect(colleaguePage.locator(".compare__pair")).toHaveCount(0);
  await colleaguePage.goto(`/w/${owner.workspaceId}/graph`);
  await expect(colleaguePage.getByRole("img", { name: /Graph of \d+ links/ })).toBeVisible();
  await expect(colleaguePage.getByText("secret source")).toHaveCount(0);
  await expect(colleaguePage.getByText("Report B")).toHaveCount(0);
  for (const url of [`/api/documents/${first.id}/links`, `/api/documents/${second.id}/links`, `/api/documents/${second.id}/annotations`]) {
    const body = JSON.stringify(await (await colleaguePage.request.get(url)).json());
    expect(body).not.toContain("secret source");
    expect(body).not.toContain(link.id);
  }
  expect((await colleaguePage.request.put(`/api/links/${link.id}/verdict`, { data: { verdict: "BOTH_WRONG" }, headers: SAME_ORIGIN })).status()).toBe(404);
  const selfLink = await colleaguePage.request.post("/api/links", { data: { sourceAnnotationId: shared.id, targetAnnotationId: shared.id, type: "CONTRADICTS" }, headers: SAME_ORIGIN });
  expect(selfLink.status()).toBe(422);
  expect(((await selfLink.json()) as { error: { message: string } }).error.message).toContain("cannot be linked to itself");
});
