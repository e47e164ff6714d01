import { expect, test } from "@playwright/test";
import { HTML_SAMPLE, TEI_SAMPLE, encodeText, makeDocx, makePdf, makeScannedPdf } from "../fixtures/corpus-files";
import { newSignedInAccount, SAME_ORIGIN, selectTextWithMouse } from "./helpers";

test("five files of different formats are reviewed, one retitled, stored, and the PDF opens with its page numbers", async ({ page }) => {
  test.setTimeout(180_000);
  const account = await newSignedInAccount(page);
  const pdf = await makePdf(
    [
      { heading: "Заседание первое", paragraphs: ["Съезд открылся 18 декабря 1925 года в Москве. Делегаты обсуждали вопросы индустриализации страны."] },
      { paragraphs: ["Оппозиция потерпела поражение на втором заседании."] },
      { paragraphs: ["Третья страница: решения съезда."] },
    ],
    { title: "Протокол XIV съезда", author: "Секретариат" },
  );
  const files = [
    { name: "protocol.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdf) },
    { name: "stenogramma.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(await makeDocx()) },
    { name: "congress.html", mimeType: "text/html", buffer: Buffer.from(HTML_SAMPLE, "utf8") },
    { name: "speech.xml", mimeType: "application/xml", buffer: Buffer.from(TEI_SAMPLE, "utf8") },
    { name: "pravda-1925.txt", mimeType: "text/plain", buffer: Buffer.from(encodeText("Правда, 20 декабря 1925 года.\n\nСъезд закончил свою работу.", "windows-1251")) },
    { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(await makeScannedPdf()) },
  ];

  await page.goto(`/w/${account.workspaceId}/documents/new`);
  await page.getByLabel("Upload files").check();
  await page.getByLabel("Files to add").setInputFiles(files);

  const row = (name: string) => page.locator(`tr[data-file="${name}"]`);
  for (const file of files.slice(0, 5)) await expect(row(file.name).locator(".review-status__label")).toHaveText("Ready", { timeout: 60_000 });
  await expect(row("scan.pdf")).toContainText("this PDF has no text layer; run OCR on it first");

  // Prefilled from the files themselves; the legacy encoding detected.
  await expect(page.getByLabel("Title of protocol.pdf")).toHaveValue("Протокол XIV съезда");
  await expect(page.getByLabel("Title of speech.xml")).toHaveValue("Речь на XIV съезде");
  await expect(page.getByLabel("Encoding of pravda-1925.txt")).toHaveValue("windows-1251");
  await expect(row("pravda-1925.txt")).toContainText("Правда, 20 декабря 1925 года.");
  await expect(row("protocol.pdf")).toContainText("3 pages");

  await page.getByLabel("Title of congress.html").fill("Congress report (edited)");
  await page.getByRole("button", { name: "Add 5 documents" }).click();
  await expect(page.getByRole("status").filter({ hasText: "5 added, 1 not added" })).toBeVisible({ timeout: 60_000 });

  await page.goto(`/w/${account.workspaceId}`);
  for (const title of ["Протокол XIV съезда", "Стенограмма XIV съезда", "Congress report (edited)", "Речь на XIV съезде", "pravda-1925"]) {
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
  await page.getByRole("link", { name: "Протокол XIV съезда", exact: true }).click();
  await expect(page.locator(".ProseMirror")).toContainText("Оппозиция потерпела поражение");
  await expect(page.locator('.ProseMirror [data-page="1"]')).toContainText("Заседание первое");
  await expect(page.locator('.ProseMirror [data-page="2"]')).toContainText("Оппозиция потерпела поражение");
  await expect(page.locator('.ProseMirror [data-page="3"]')).toContainText("Третья страница");
  await expect(page.locator(".ProseMirror")).not.toContainText("The Fourteenth Congress");

  // A claim on page 2 is cited with its page, in the card and in the citation it offers.
  await selectTextWithMouse(page, "Оппозиция потерпела поражение");
  await page.keyboard.press("c");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("status")).toContainText("Claim saved.");
  const card = page.getByRole("list", { name: "Annotations in text order" }).getByRole("article").filter({ hasText: "Оппозиция потерпела поражение" });
  await expect(card.locator(".annotation-card__meta")).toContainText("p. 2 · ");
  // The card of a claim just saved may already be open; open it if not.
  const summary = card.locator(".annotation-card__summary");
  if ((await summary.getAttribute("aria-expanded")) !== "true") await summary.click();
  await expect(summary).toHaveAttribute("aria-expanded", "true");
  await expect(card.locator(".annotation-card__citation")).toHaveText(/^Cite as: \S/);
  await expect(card.locator(".annotation-card__citation")).toContainText("Протокол XIV съезда");
  await expect(card.locator(".annotation-card__citation")).toContainText("p. 2.");

  // Editing the text, the section editor keeps the page markers in the margin.
  await page.getByRole("button", { name: "Edit text" }).click();
  await expect(page.locator('.reading--sections [data-page="2"]')).toContainText("Оппозиция потерпела поражение");
});

test("the API takes a file alone, and answers a batch per file", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const alone = await page.request.post(`/api/workspaces/${account.workspaceId}/documents`, {
    multipart: { file: { name: "speech.xml", mimeType: "application/xml", buffer: Buffer.from(TEI_SAMPLE, "utf8") } },
    headers: SAME_ORIGIN,
  });
  expect(alone.status()).toBe(201);
  const { id } = (await alone.json()) as { id: string };
  const { document: stored } = (await (await page.request.get(`/api/documents/${id}`)).json()) as { document: { title: string; revision: { pageBreaks: { label: string }[] } } };
  expect(stored.title).toBe("Речь на XIV съезде");
  expect(stored.revision.pageBreaks.map((p) => p.label)).toEqual(["12", "13"]);

  const batch = await page.request.post(`/api/workspaces/${account.workspaceId}/documents/batch`, {
    multipart: { file: { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) } },
    headers: SAME_ORIGIN,
  });
  expect(batch.status()).toBe(200);
  expect(((await batch.json()) as { results: unknown[] }).results).toEqual([expect.objectContaining({ file: "empty.txt", ok: false, message: "“empty.txt”: the file is empty." })]);
});
