import { expect, test, type Page } from "@playwright/test";
import { annotateThroughApi, createDocumentThroughApi, newSignedInAccount } from "./helpers";

// A text long enough to be windowed (components/editor/plugins/reading-window-plugin.ts): 240
// paragraphs, each opening with its own "Entry N:" so any one can be found.
const PARAGRAPHS = 240;
const LONG_TEXT = Array.from(
  { length: PARAGRAPHS },
  (_, i) =>
    `Entry ${i + 1}: the delegates from district ${i + 1} reported on the harvest, the grain levy and the mood of the village, ` +
    `and the secretary recorded their figures in the minutes of the session without comment or correction.`,
).join("\n\n");

const highlight = (page: Page, id: string) => page.locator(`.ProseMirror [data-annotation-id="${id}"]`);
const paragraph = (page: Page, entry: number) => page.locator(".ProseMirror > p", { hasText: `Entry ${entry}: ` });

test.describe("the windowed reader of a long text", () => {
  let documentId = "";
  let revisionId = "";
  let ids: { near: string; middle: string; far: string; contradiction: string };

  test.beforeEach(async ({ page }) => {
    const account = await newSignedInAccount(page);
    const doc = await createDocumentThroughApi(page, account.workspaceId, "Minutes of the district delegates", LONG_TEXT);
    documentId = doc.id;
    revisionId = doc.revisionId;
    ids = {
      near: (await annotateThroughApi(page, doc, "delegates from district 2 reported", { kind: "CLAIM" })).id,
      middle: (await annotateThroughApi(page, doc, "delegates from district 120 reported", { kind: "CLAIM" })).id,
      far: (await annotateThroughApi(page, doc, "delegates from district 200 reported", { kind: "CLAIM", note: "Far down the text." })).id,
      contradiction: (await annotateThroughApi(page, doc, "delegates from district 230 reported", { kind: "CONTRADICTION" })).id,
    };
  });

  test("the page carries only the opening; the text comes from its revision's immutable endpoint", async ({ page }) => {
    const html = await (await page.request.get(`/documents/${documentId}`)).text();
    expect(html).toContain("Entry 1: ");
    expect(html).not.toContain("Entry 230: ");
    // The preload is in the HTML's head, so the browser starts fetching the text before any script runs.
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toMatch(new RegExp(`<link rel="preload" href="/api/revisions/${revisionId}/text" as="fetch"`));
    const requested: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/revisions/")) requested.push(request.url());
    });
    await page.goto(`/documents/${documentId}`);
    // Fetching it starts with the page, not after the scripts: a preload, which the reader's own
    // request then uses (one request in all).
    await expect(page.locator(`link[rel="preload"][as="fetch"][href="/api/revisions/${revisionId}/text"]`)).toHaveCount(1);
    await expect(paragraph(page, 240)).toHaveCount(1);
    expect(requested).toHaveLength(1);
    const text = await page.request.get(`/api/revisions/${revisionId}/text`);
    expect(text.status()).toBe(200);
    expect(text.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(text.headers()["etag"]).toBe(`"${revisionId}"`);
    expect(((await text.json()) as { text: string }).text).toBe(LONG_TEXT);
  });

  test("builds only the blocks near the viewport, keeps every word findable, and still reaches any annotation", async ({ page }) => {
    await page.goto(`/documents/${documentId}`);
    const editor = page.locator(".ProseMirror");
    await expect(editor).toHaveAttribute("data-reading-window", "on");
    await expect(highlight(page, ids.near)).toBeVisible();
    // Far blocks are placeholders holding their text (find-in-page finds it), with no highlights.
    const placeholders = await editor.locator(':scope > [contenteditable="false"]').count();
    expect(placeholders).toBeGreaterThan(PARAGRAPHS / 2);
    await expect(paragraph(page, 230)).toHaveCount(1);
    // window.find searches the page's rendered text as the browser's find-in-page does (non-standard, Chromium has it).
    const found = await page.evaluate(() => {
      const find: unknown = Reflect.get(window, "find");
      return typeof find === "function" && Boolean(find.call(window, "district 231 reported"));
    });
    expect(found).toBe(true);
    await expect(highlight(page, ids.far)).toHaveCount(0);

    // From the panel: the far annotation's block is built, scrolled to and its highlight focused.
    await page.getByRole("list", { name: "Annotations in text order" }).getByRole("article").filter({ hasText: "Far down the text." }).click();
    await expect(highlight(page, ids.far)).toBeInViewport();
    await expect(highlight(page, ids.far)).toBeFocused();

    // Tab on a highlight steps to the next one, though it sat in a placeholder block: its block is
    // built and the highlight focused. (Sent as the keydown alone: the editor takes the focus back
    // from a highlight a moment after it is focused by script, with or without the window.)
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(highlight(page, ids.near)).toBeVisible();
    await expect(highlight(page, ids.middle)).toHaveCount(0);
    const focusedAfterTab = await highlight(page, ids.near).evaluate((element: HTMLElement) => {
      element.focus();
      element.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", bubbles: true, cancelable: true }));
      return document.activeElement?.getAttribute("data-annotation-id") ?? null;
    });
    expect(focusedAfterTab).toBe(ids.middle);
    await expect(highlight(page, ids.middle)).toBeInViewport();
  });

  test("a selection from one end of the text to the other, by click and shift+click", async ({ page }) => {
    await page.goto(`/documents/${documentId}`);
    await expect(page.locator(".ProseMirror")).toHaveAttribute("data-reading-window", "on");
    await paragraph(page, 3).click({ position: { x: 2, y: 8 } });
    await page.keyboard.press("Home");
    // Far down: the viewport moves there, its blocks are built, the selection's anchor stays built.
    await paragraph(page, 80).scrollIntoViewIfNeeded();
    await expect(paragraph(page, 80)).not.toHaveAttribute("contenteditable", "false");
    await paragraph(page, 80).click({ modifiers: ["Shift"], position: { x: 40, y: 8 } });
    await expect(page.getByRole("toolbar", { name: "Annotate selection" })).toBeVisible();
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? "");
    expect(selected.startsWith("Entry 3: ")).toBe(true);
    expect(selected).toContain("Entry 79: ");
    await page.keyboard.press("c");
    const form = page.getByRole("dialog", { name: "New annotation" });
    await expect(form.locator("blockquote")).toContainText("Entry 3: the delegates");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toContainText("Claim saved.");
    const saved = (await (await page.request.get(`/api/documents/${documentId}/annotations`)).json()) as { annotations: { start: number; end: number; exact: string }[] };
    const long = saved.annotations.find((a) => a.exact.startsWith("Entry 3: "));
    expect(long?.start).toBe(LONG_TEXT.indexOf("Entry 3: "));
    expect(long?.exact).toContain("Entry 79: ");
  });

  test("a search hit far down opens selected and in view; the scroll-bar map's marks lead to their annotations", async ({ page }) => {
    const start = LONG_TEXT.indexOf("grain levy", LONG_TEXT.indexOf("Entry 210: "));
    await page.goto(`/documents/${documentId}?select=${start}-${start + "grain levy".length}`);
    await expect(page.getByRole("toolbar", { name: "Annotate selection" })).toBeVisible();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("grain levy");
    await expect(paragraph(page, 210)).toBeInViewport();

    const map = page.getByRole("navigation", { name: "Claims, bias markers and contradictions along the text" });
    await expect(map.locator(".scroll-map__mark--claim")).toHaveCount(3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await map.locator(".scroll-map__mark--contradiction").click();
    await expect(highlight(page, ids.contradiction)).toBeInViewport();
    await expect(highlight(page, ids.contradiction)).toBeFocused();
  });
});

test("a short text comes whole with its page: the reader asks for nothing more", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const doc = await createDocumentThroughApi(page, account.workspaceId, "A short note", "The grain arrived late.\n\nThe mill was idle for a week.");
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/revisions/")) requested.push(request.url());
  });
  await page.goto(`/documents/${doc.id}`);
  await expect(page.locator(".ProseMirror")).toContainText("The mill was idle for a week.");
  await expect(page.locator('link[rel="preload"][as="fetch"]')).toHaveCount(0);
  expect(requested).toEqual([]);
});
