import { expect, test } from "@playwright/test";
import { newSignedInAccount, SAME_ORIGIN } from "./helpers";

test("bad uploads get a clear message and store nothing; a UTF-8 file is added", async ({ page }) => {
  const account = await newSignedInAccount(page);
  const countDocuments = async () => {
    const response = await page.request.get(`/api/workspaces/${account.workspaceId}/documents`);
    return ((await response.json()) as { documents: unknown[] }).documents.length;
  };
  const before = await countDocuments();

  await page.goto(`/w/${account.workspaceId}/documents/new`);
  await page.getByLabel("Upload files").check();

  const attempts = [
    { name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]), message: /“scan\.txt”: this is a binary file/ },
    { name: "blank.md", mimeType: "text/markdown", buffer: Buffer.from("  \n\n "), message: /“blank\.md”: .*empty/ },
    { name: "page.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7"), message: /“page\.pdf”: this PDF is damaged or truncated/ },
    { name: "image.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]), message: /“image\.png”: \.png files are not supported/ },
  ];
  await page.getByLabel("Files to add").setInputFiles(attempts);
  for (const attempt of attempts) {
    await expect(page.locator(`tr[data-file="${attempt.name}"] .review-status`)).toContainText(attempt.message, { timeout: 30_000 });
  }
  await expect(page.getByRole("button", { name: "Add 0 documents" })).toBeDisabled();

  // Over 20 MB: refused by the server as it arrives (the review table refuses it before sending).
  const big = { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(20 * 1024 * 1024 + 10, 0x61) };
  const direct = await page.request.post(`/api/workspaces/${account.workspaceId}/documents`, { multipart: { title: "Big", file: big }, headers: SAME_ORIGIN });
  expect(direct.status()).toBe(413);
  expect(((await direct.json()) as { error: { message: string } }).error.message).toMatch(/20 MB/);
  // A text of more than 5 MB is too long for one document, whatever its file's size.
  const long = await page.request.post(`/api/workspaces/${account.workspaceId}/documents`, { multipart: { file: { name: "long.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) } }, headers: SAME_ORIGIN });
  expect(long.status()).toBe(413);
  expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/5 MB/);

  // Missing title.
  const untitled = await page.request.post(`/api/workspaces/${account.workspaceId}/documents`, { multipart: { title: "", text: "Some text." }, headers: SAME_ORIGIN });
  expect(untitled.status()).toBe(422);
  expect(((await untitled.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors.title).toBe("Give the document a title.");

  expect(await countDocuments()).toBe(before);

  // A real UTF-8 transcription with Cyrillic and curly quotes is accepted.
  await page.getByLabel("Files to add").setInputFiles({
    name: "rabochaya-gazeta.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("«Рабочая газета», 20 декабря 1925 г.\r\n\r\n“The congress of industrialisation,” it says.\r\n", "utf8"),
  });
  await expect(page.locator('tr[data-file="rabochaya-gazeta.txt"] .review-status__label')).toHaveText("Ready", { timeout: 30_000 });
  await page.getByLabel("Title of rabochaya-gazeta.txt").fill("Rabochaya Gazeta, 20 December 1925");
  await page.getByLabel("Language of rabochaya-gazeta.txt").fill("ru");
  await page.getByRole("button", { name: "Add 1 document" }).click();
  await page.locator('tr[data-file="rabochaya-gazeta.txt"]').getByRole("link", { name: "Open" }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.locator(".reading")).toContainText("«Рабочая газета», 20 декабря 1925 г.");
  await expect(page.locator(".reading")).toContainText("“The congress of industrialisation,” it says.");
  expect(await countDocuments()).toBe(before + 1);
});

test("HTML in metadata and text is shown as text, never run", async ({ page }) => {
  const account = await newSignedInAccount(page);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const created = await page.request.post(`/api/workspaces/${account.workspaceId}/documents`, {
    multipart: { title: "<img src=x onerror=alert(1)>", notes: "<script>alert(2)</script>", text: "<b>bold?</b> <script>alert(3)</script>" },
    headers: SAME_ORIGIN,
  });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<img src=x onerror=alert(1)>");
  await expect(page.locator(".reading")).toContainText("<b>bold?</b> <script>alert(3)</script>");
  await page.goto(`/w/${account.workspaceId}`);
  await expect(page.getByRole("link", { name: "<img src=x onerror=alert(1)>" })).toBeVisible();
  expect(dialogs).toBe(0);
});
