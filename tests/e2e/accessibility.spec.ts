import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newSignedInAccount, SAME_ORIGIN, type TestAccount } from "./helpers";

/** WCAG 2.1 levels A and AA: the rules the workbench promises to pass on every page. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it stands and fails with one readable line per violating element. */
async function expectNoViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const lines = violations.flatMap((v) => v.nodes.map((n) => `${name}: ${v.id} (${v.impact ?? "?"}) ${v.help}: ${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`));
  expect(lines, lines.join("\n")).toEqual([]);
}

/** Opens a page, waits for what makes it complete, and checks it. */
async function check(page: Page, name: string, url: string, ready: (page: Page) => Promise<void> = async () => {}) {
  await test.step(name, async () => {
    const response = await page.goto(url);
    expect(response?.status(), `${name} (${url})`).toBeLessThan(400);
    await expect(page.locator("main")).toBeVisible();
    await ready(page);
    await expectNoViolations(page, name);
  });
}

interface Classroom {
  assignmentId: string;
  code: string;
  documentId: string;
}

/** An assignment on one of the sample documents, with an invite code, through the API. */
async function setUpClassroom(page: Page, teacher: TestAccount): Promise<Classroom> {
  const { documents } = (await (await page.request.get(`/api/workspaces/${teacher.workspaceId}/documents`)).json()) as { documents: { id: string }[] };
  const documentId = documents[0]!.id;
  const created = await page.request.post(`/api/workspaces/${teacher.workspaceId}/assignments`, {
    data: { title: "Spot the propaganda", instructions: "Mark every bias marker.", documentIds: [documentId], markKinds: ["BIAS_MARKER"] },
    headers: SAME_ORIGIN,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { assignment } = (await created.json()) as { assignment: { id: string } };
  const invite = await page.request.post(`/api/workspaces/${teacher.workspaceId}/invite-codes`, { data: { days: 7 }, headers: SAME_ORIGIN });
  expect(invite.status(), await invite.text()).toBe(201);
  const { inviteCode } = (await invite.json()) as { inviteCode: { code: string } };
  return { assignmentId: assignment.id, code: inviteCode.code, documentId };
}

async function newStudent(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await newSignedInAccount(page, "Student Sofia");
  return { context, page };
}

/** The page has hydrated: the mark the bench's floor reads (components/layout/hydration-mark.tsx), set once. */
const hydrated = async (page: Page) => {
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName("app:hydrated").length)).toBe(1);
};

const editorReady = async (page: Page) => {
  await expect(page.locator(".ProseMirror")).toBeVisible();
  await expect(page.locator(".ProseMirror [data-annotation-id]").first()).toBeVisible();
};

test("every page passes axe-core's WCAG 2.1 A and AA rules", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // Signed out.
  await check(page, "sign-in", "/signin");
  await check(page, "sign-up", "/signup");

  // A teacher whose workspace holds the sample corpus with its demo annotations and links.
  const teacher = await newSignedInAccount(page, "Teacher Tatiana");
  const ws = `/w/${teacher.workspaceId}`;
  const classroom = await setUpClassroom(page, teacher);
  const { documents } = (await (await page.request.get(`/api/workspaces/${teacher.workspaceId}/documents`)).json()) as { documents: { id: string }[] };
  let contradiction: { id: string; source: { documentId: string }; target: { documentId: string } } | undefined;
  for (const { id } of documents) {
    const { links } = (await (await page.request.get(`/api/documents/${id}/links`)).json()) as { links: { id: string; type: string; source: { documentId: string }; target: { documentId: string } }[] };
    contradiction = links.find((link) => link.type === "CONTRADICTS" && link.source.documentId !== link.target.documentId);
    if (contradiction) break;
  }
  expect(contradiction, "the sample corpus has a contradiction across documents").toBeDefined();

  await check(page, "library", "/library");
  await check(page, "workspace", ws);
  await check(page, "document", `/documents/${contradiction!.source.documentId}`, editorReady);
  await check(page, "document metadata", `/documents/${contradiction!.source.documentId}/edit`);
  await check(page, "compare", `/compare?left=${contradiction!.source.documentId}&right=${contradiction!.target.documentId}&link=${contradiction!.id}`, async (p) => {
    await expect(p.locator(".cmp-mark.is-current").first()).toBeVisible();
  });
  await check(page, "contradictions", `${ws}/contradictions`);
  await check(page, "graph", `${ws}/graph`);
  await check(page, "export", `${ws}/export`);
  await check(page, "members", `${ws}/members`);
  await check(page, "search", `${ws}/search?q=party`, async (p) => {
    await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await check(page, "new document / import", `${ws}/documents/new`);
  await check(page, "account", "/account", hydrated);
  await check(page, "assignments", `${ws}/assignments`);
  await check(page, "assignment", `${ws}/assignments/${classroom.assignmentId}`);

  // A student joins, marks nothing, submits; the teacher releases the results.
  const student = await newStudent(browser);
  await check(student.page, "join", "/join");
  await check(student.page, "join by link", `/join/${classroom.code}`);
  const joined = await student.page.request.post("/api/join", { data: { code: classroom.code }, headers: SAME_ORIGIN });
  expect(joined.status(), await joined.text()).toBeLessThan(300);
  await check(student.page, "my assignments", "/assignments");
  await check(student.page, "assignment (student)", `${ws}/assignments/${classroom.assignmentId}`);
  await check(student.page, "assignment document (student)", `/documents/${classroom.documentId}`, async (p) => {
    await expect(p.locator(".ProseMirror")).toBeVisible();
  });
  const submitted = await student.page.request.post(`/api/assignments/${classroom.assignmentId}/submit`, { headers: SAME_ORIGIN });
  expect(submitted.status(), await submitted.text()).toBeLessThan(300);

  await check(page, "results", `${ws}/assignments/${classroom.assignmentId}/results`);
  await check(page, "heatmap", `${ws}/assignments/${classroom.assignmentId}/heatmap`, async (p) => {
    await expect(p.locator(".heatmap-text[data-ready='true']")).toBeVisible();
  });
  const released = await page.request.put(`/api/assignments/${classroom.assignmentId}/release`, { data: { released: true }, headers: SAME_ORIGIN });
  expect(released.status(), await released.text()).toBeLessThan(300);
  await check(student.page, "feedback", `${ws}/assignments/${classroom.assignmentId}/feedback`);
  await student.context.close();
});
