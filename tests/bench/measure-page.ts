import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";

/**
 * Measurements in headless Chromium through the real document page. Every in-page probe keeps its
 * marks on `window` under a `__bench…` name and reads `performance.now()`, whose origin is the
 * navigation's start.
 */

const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
/** How long one page may take to show the document with all highlights before the run fails. */
const READY_LIMIT_MS = 120_000;
const STEP_TIMEOUT_MS = 30_000;

// tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(fn, "name")`; the
// functions Playwright serialises into the page need that helper there too.
const NAME_SHIM = "globalThis.__name = globalThis.__name || ((fn) => fn);";

interface ReadyMarks {
  expected: number;
  editorMs: number | null;
  /** The first frame with text and a highlight on screen: the server-drawn opening, or the editor. */
  firstScreenMs: number | null;
  firstHighlightMs: number | null;
  readyMs: number | null;
  paintedMs: number | null;
  distinctIds: number;
  longTasks: { start: number; duration: number }[];
  timedOut: boolean;
}

interface KeySample {
  key: string;
  /** performance.now() in the keydown listener (capture phase, on window). */
  downMs: number;
  /** The event's own timestamp (when the browser created it). */
  eventMs: number;
  rafMs: number;
  /** A message posted from the next animation frame: runs once that frame is rendered. */
  paintMs: number;
}

interface AddMarks {
  submitMs: number | null;
  domMs: number | null;
  paintMs: number | null;
  newId: string | null;
}

type BenchWindow = Window & { __benchReady?: ReadyMarks; __benchKeys?: KeySample[]; __benchAdd?: AddMarks };

// CSS rather than role locators: Playwright's role engine visits every element, and the page has
// tens of thousands, which would load the main thread while it is being measured.
const SELECTION_TOOLBAR = '[role="toolbar"][aria-label="Annotate selection"]';

export interface ReadyRun {
  /** Navigation start → `.ProseMirror` with every visible annotation's highlight (in an animation frame). */
  readyMs: number;
  /** The same, at the end of that frame's rendering (style, layout, paint). */
  readyPaintedMs: number;
  editorMs: number;
  /** Text and highlights first on screen (the opening the server draws, before the editor). */
  firstScreenMs: number;
  firstHighlightMs: number;
  firstContentfulPaintMs: number | null;
  responseStartMs: number;
  responseEndMs: number;
  domContentLoadedMs: number;
  /** Main-thread tasks over 50 ms before ready: their count and summed duration. */
  longTaskCount: number;
  longTaskMs: number;
  longestTaskMs: number;
  htmlTransferBytes: number;
  htmlDecodedBytes: number;
  scriptTransferBytes: number;
  distinctIds: number;
  /** The workbench's first effect ran (React has hydrated it). */
  hydratedMs: number;
  /** Tiptap starts building the editor (the whole text's DOM). */
  editorStartMs: number;
  /** The editor is built and the first full set of highlight decorations drawn. */
  highlightsDrawnMs: number;
}

export interface KeystrokeSample {
  toPaintMs: number;
  fromEventToPaintMs: number;
}

/** Renderer main-thread time per keystroke, from Chromium's Performance domain (CDP). */
export interface MainThreadPerKey {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

export interface KeystrokeRun {
  samples: KeystrokeSample[];
  perKey: MainThreadPerKey;
}

export interface AddAnnotationRun {
  /** Renderer main-thread work per mouse event while dragging the selection (CDP). */
  dragPerMouseEvent: MainThreadPerKey;
  /** Ctrl+Enter keydown → the new annotation's highlight element is in the DOM. */
  toDomMs: number;
  /** … → the frame that shows it has been rendered. */
  toPaintMs: number;
  /** The POST's duration as the browser saw it (Resource Timing). */
  postMs: number | null;
  /** Renderer main-thread work from Ctrl+Enter until the frame showing the highlight (CDP). */
  mainThread: MainThreadPerKey;
  phrase: string;
}

export interface HtmlFigures {
  bytes: number;
  gzipBytes: number;
  /** Of `bytes`: the inline React Server Components payload (self.__next_f.push scripts). */
  rscBytes: number;
}

/**
 * Chromium renders a frame when its 60 Hz frame clock ticks, so a keystroke's "next frame" comes up
 * to 16.7 ms after its work is done: a bare textarea measures a p95 of about 17 ms that way. With
 * the clock off, a frame is rendered as soon as there is something to show, and keydown → rendered
 * frame is the keystroke's own work (what must fit in one frame).
 */
export const WITHOUT_FRAME_CLOCK = ["--disable-frame-rate-limit", "--disable-gpu-vsync"];

export async function launchBrowser(executablePath: string, extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath, args: [...LAUNCH_ARGS, ...extraArgs], headless: true });
}

export async function newBenchContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: NAME_SHIM });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(READY_LIMIT_MS);
  return context;
}

/** Signs the context in through next-auth's credentials endpoint (as tests/e2e/helpers.ts does). */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    // Writes must name the app's origin (README, "Cross-site requests").
    headers: { Origin: new URL(csrf.url()).origin },
  });
  if (!response.ok()) throw new Error(`Signing in answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  if (session?.user?.email !== account.email) throw new Error(`Signed in, but the session is ${JSON.stringify(session)}`);
}

/** The page's HTML as the server sends it, and how much of it is the inline RSC payload. */
export async function measureHtml(page: Page, url: string): Promise<HtmlFigures> {
  const response = await page.request.get(url, { timeout: READY_LIMIT_MS });
  if (!response.ok()) throw new Error(`GET ${url} answered ${response.status()}`);
  const body = await response.body();
  const html = body.toString("utf8");
  let rscBytes = 0;
  for (const match of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) rscBytes += Buffer.byteLength(match[1] ?? "", "utf8");
  return { bytes: body.byteLength, gzipBytes: gzipSync(body).byteLength, rscBytes };
}

/**
 * In the page from its first script on: waits in animation frames until every highlight is shown
 * (in a windowed reader: the editor with the highlights of the blocks it has built).
 */
function installReadyProbe({ expected, limitMs }: { expected: number; limitMs: number }) {
  const w = window as BenchWindow;
  const marks: ReadyMarks = { expected, editorMs: null, firstScreenMs: null, firstHighlightMs: null, readyMs: null, paintedMs: null, distinctIds: 0, longTasks: [], timedOut: false };
  w.__benchReady = marks;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no Long Tasks API: the figures stay empty
  }
  const tick = () => {
    // The frame's start: the DOM counted below was complete by then; counting is the probe's own cost.
    const now = performance.now();
    if (now > limitMs) {
      marks.timedOut = true;
      return;
    }
    if (marks.firstScreenMs === null && document.querySelector(".workbench__text .hl")) marks.firstScreenMs = now;
    const root = document.querySelector(".ProseMirror");
    if (root) {
      marks.editorMs ??= now;
      const elements = root.querySelectorAll("[data-annotation-id]");
      if (elements.length > 0) marks.firstHighlightMs ??= now;
      // A windowed reader (data-reading-window) builds only the blocks near the viewport, with their
      // highlights drawn as it is created: ready once it is in the page with the first of them.
      const windowed = root.hasAttribute("data-reading-window");
      if (windowed ? elements.length > 0 || expected === 0 : elements.length >= expected) {
        const ids = new Set<string>();
        elements.forEach((element) => ids.add(element.getAttribute("data-annotation-id") ?? ""));
        marks.distinctIds = ids.size;
        // Windowed: ready with the first of its highlights. Whole: once every expected one is drawn.
        if (windowed || ids.size >= expected) {
          marks.readyMs = now;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            marks.paintedMs = performance.now();
            channel.port1.close();
          };
          channel.port2.postMessage(null);
          return;
        }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Opens the document page in a fresh page and waits until its text and all `expectedIds`
 * highlights are shown. The page stays open for the caller (who closes it).
 */
export async function openDocumentPage(context: BrowserContext, url: string, expectedIds: number): Promise<{ page: Page; run: ReadyRun }> {
  const page = await context.newPage();
  // One script with the shim first: Playwright does not order separate init scripts.
  const probeArgument = JSON.stringify({ expected: expectedIds, limitMs: READY_LIMIT_MS });
  await page.addInitScript({ content: `${NAME_SHIM}\n(${installReadyProbe.toString()})(${probeArgument});` });
  const response = await page.goto(url, { waitUntil: "commit" });
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? "nothing"}`);
  await page.waitForFunction(() => {
    const marks = (window as BenchWindow).__benchReady;
    return marks !== undefined && (marks.paintedMs !== null || marks.timedOut);
  }, undefined, { polling: 200, timeout: READY_LIMIT_MS + 10_000 });
  const figures = await page.evaluate(() => {
    const marks = (window as BenchWindow).__benchReady;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.initiatorType === "script");
    return {
      marks,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      responseStart: navigation?.responseStart ?? Number.NaN,
      responseEnd: navigation?.responseEnd ?? Number.NaN,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      htmlTransfer: navigation?.transferSize ?? 0,
      htmlDecoded: navigation?.decodedBodySize ?? 0,
      scriptTransfer: scripts.reduce((sum, r) => sum + r.transferSize, 0),
      // The workbench's own marks (components/workbench/document-workbench.tsx MARKS).
      hydrated: performance.getEntriesByName("workbench:hydrated")[0]?.startTime ?? Number.NaN,
      editorStart: performance.getEntriesByName("workbench:editor-start")[0]?.startTime ?? Number.NaN,
      highlightsDrawn: performance.getEntriesByName("workbench:highlights-drawn")[0]?.startTime ?? Number.NaN,
    };
  });
  const marks = figures.marks;
  if (!marks || marks.timedOut || marks.readyMs === null || marks.paintedMs === null) {
    await page.close();
    throw new Error(
      `The page did not show all ${expectedIds} highlights within ${READY_LIMIT_MS / 1000} s (distinct ids seen: ${marks?.distinctIds ?? 0}, editor ${marks?.editorMs === null ? "never appeared" : "appeared"}).`,
    );
  }
  const readyMs = marks.readyMs;
  const before = marks.longTasks.filter((t) => t.start < readyMs);
  return {
    page,
    run: {
      readyMs,
      readyPaintedMs: marks.paintedMs,
      editorMs: marks.editorMs ?? Number.NaN,
      firstScreenMs: marks.firstScreenMs ?? Number.NaN,
      firstHighlightMs: marks.firstHighlightMs ?? Number.NaN,
      firstContentfulPaintMs: figures.fcp,
      responseStartMs: figures.responseStart,
      responseEndMs: figures.responseEnd,
      domContentLoadedMs: figures.domContentLoaded,
      longTaskCount: before.length,
      longTaskMs: before.reduce((sum, t) => sum + t.duration, 0),
      longestTaskMs: before.reduce((longest, t) => Math.max(longest, t.duration), 0),
      htmlTransferBytes: figures.htmlTransfer,
      htmlDecodedBytes: figures.htmlDecoded,
      scriptTransferBytes: figures.scriptTransfer,
      distinctIds: marks.distinctIds,
      hydratedMs: figures.hydrated,
      editorStartMs: figures.editorStart,
      highlightsDrawnMs: figures.highlightsDrawn,
    },
  };
}

/** Records, per keydown, when the frame after it has been rendered (≈ the keystroke's paint). */
function installKeystrokeProbe() {
  const w = window as BenchWindow;
  const samples: KeySample[] = [];
  w.__benchKeys = samples;
  window.addEventListener(
    "keydown",
    (event) => {
      const downMs = performance.now();
      const eventMs = event.timeStamp;
      requestAnimationFrame(() => {
        const rafMs = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          samples.push({ key: event.key, downMs, eventMs, rafMs, paintMs: performance.now() });
          channel.port1.close();
        };
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

type CdpMetrics = Map<string, number>;

async function readCdpMetrics(cdp: CDPSession): Promise<CdpMetrics> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return new Map(metrics.map((m) => [m.name, m.value]));
}

/** Seconds of main-thread work between two snapshots, as milliseconds per key. */
function perKey(before: CdpMetrics, after: CdpMetrics, keys: number): MainThreadPerKey {
  const ms = (name: string) => (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000) / keys;
  return { taskMs: ms("TaskDuration"), scriptMs: ms("ScriptDuration"), layoutMs: ms("LayoutDuration"), styleMs: ms("RecalcStyleDuration") };
}

/** Types `text` with a delay per key and collects one sample per keystroke. */
export async function typeAndSample(page: Page, text: string): Promise<KeystrokeRun> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    await page.evaluate(installKeystrokeProbe);
    const before = await readCdpMetrics(cdp);
    await page.keyboard.type(text, { delay: 30 });
    await page.waitForFunction((count) => ((window as BenchWindow).__benchKeys?.length ?? 0) >= count, text.length, { polling: 100, timeout: STEP_TIMEOUT_MS });
    const after = await readCdpMetrics(cdp);
    const samples = await page.evaluate(() => (window as BenchWindow).__benchKeys ?? []);
    if (samples.length !== text.length) throw new Error(`Typed ${text.length} characters but saw ${samples.length} keydowns.`);
    return {
      samples: samples.map((s) => ({ toPaintMs: s.paintMs - s.downMs, fromEventToPaintMs: s.paintMs - s.eventMs })),
      perKey: perKey(before, after, text.length),
    };
  } finally {
    await cdp.detach();
  }
}

/** 100 characters, typed into the middle of the document. */
export const TYPED_TEXT = "the delegates from the northern provinces voted against the resolution on grain procurement quotas, ";

/**
 * In editing mode, with the caret in a paragraph near the middle of the document, types
 * TYPED_TEXT (100 characters) and returns each keystroke's time to the next rendered frame.
 * Editing works one section at a time: clicking the paragraph (shown as plain text while another
 * section is edited) opens its section's editor with the caret where the click was.
 */
export async function measureKeystrokes(page: Page, runIndex: number): Promise<KeystrokeRun> {
  await page.locator("button", { hasText: /^Edit text$/ }).click();
  await page.locator("button", { hasText: /^Save revision$/ }).waitFor({ state: "visible" });
  // A point on a paragraph near the middle of the whole text, in a section not being edited yet.
  const target = await page.evaluate((shift) => {
    const root = document.querySelector(".reading--sections");
    if (!root) throw new Error("no sections in editing mode");
    const blocks = [...root.querySelectorAll(":scope > .text-section:not(.text-section--active) > p")];
    const middle = Math.floor(blocks.length / 2) + shift;
    for (let distance = 0; distance < 40; distance++) {
      const block = blocks[middle + distance];
      const node = block?.firstChild;
      if (!block || !(node instanceof Text) || node.data.trim().length < 20) continue;
      block.scrollIntoView({ block: "center" });
      const at = Math.floor(node.data.length / 2);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2, text: node.data };
    }
    throw new Error("found no paragraph near the middle");
  }, runIndex * 3);
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction(
    (text) => {
      const anchor = window.getSelection()?.anchorNode;
      const block = anchor?.parentElement?.closest(".section-editor > p");
      return Boolean(block && document.activeElement?.classList.contains("section-editor") && block.textContent === text);
    },
    target.text,
    { polling: 50, timeout: 30_000 },
  );
  const run = await typeAndSample(page, TYPED_TEXT);
  const typedIn = await page.evaluate((typed) => document.querySelector(".section-editor")?.textContent?.replace(/\u00a0/g, " ").includes(typed) ?? false, TYPED_TEXT);
  if (!typedIn) throw new Error("The typed text did not land in the section being edited.");
  return run;
}

/** The same probe on a bare textarea: the floor set by waiting for the next frame. */
export async function measureBaselineKeystrokes(context: BrowserContext): Promise<KeystrokeRun> {
  const page = await context.newPage();
  try {
    await page.setContent("<!doctype html><textarea aria-label='baseline' rows='10' cols='80'></textarea>");
    await page.evaluate(NAME_SHIM);
    await page.locator("textarea").focus();
    return await typeAndSample(page, TYPED_TEXT);
  } finally {
    await page.close();
  }
}

/**
 * In reading mode: selects a few words of a paragraph near the middle with a mouse drag, presses
 * "c" (claim), then Ctrl+Enter, and times from that keydown until the new highlight is in the DOM.
 */
export async function measureAddAnnotation(page: Page, documentId: string, runIndex: number): Promise<AddAnnotationRun> {
  const drag = await page.evaluate((shift) => {
    const root = document.querySelector(".ProseMirror");
    if (!root) throw new Error("no reading view");
    const blocks = [...root.children];
    const block = blocks.slice(Math.floor(blocks.length / 2) + shift).find((b) => b.tagName === "P");
    if (!block) throw new Error("no paragraph near the middle");
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) nodes.push(node);
    const all = nodes.map((n) => n.data).join("");
    const words = [...all.matchAll(/\S+/g)];
    const first = words[2];
    const last = words[Math.min(words.length - 1, 5)];
    if (!first || !last) throw new Error("the paragraph is too short");
    const startOffset = first.index;
    const endOffset = last.index + last[0].length;
    const locate = (offset: number) => {
      let seen = 0;
      for (const node of nodes) {
        if (offset <= seen + node.data.length) return { node, offset: offset - seen };
        seen += node.data.length;
      }
      throw new Error("offset past the paragraph");
    };
    block.scrollIntoView({ block: "center" });
    const range = document.createRange();
    const from = locate(startOffset);
    const to = locate(endOffset);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
    const firstBox = boxes[0];
    const lastBox = boxes[boxes.length - 1];
    if (!firstBox || !lastBox) throw new Error("the phrase has no boxes on screen");
    return {
      phrase: all.slice(startOffset, endOffset),
      x1: firstBox.left + 1,
      y1: firstBox.top + firstBox.height / 2,
      x2: lastBox.right - 1,
      y2: lastBox.top + lastBox.height / 2,
    };
  }, 7 + runIndex * 11);

  // The drag of tests/e2e/helpers.ts: 11 mouse events (move, down, 4 + 4 moves, up).
  const dragCdp = await page.context().newCDPSession(page);
  await dragCdp.send("Performance.enable");
  const beforeDrag = await readCdpMetrics(dragCdp);
  await page.mouse.move(drag.x1, drag.y1);
  await page.mouse.down();
  await page.mouse.move((drag.x1 + drag.x2) / 2, (drag.y1 + drag.y2) / 2, { steps: 4 });
  await page.mouse.move(drag.x2, drag.y2, { steps: 4 });
  await page.mouse.up();
  await page.locator(SELECTION_TOOLBAR).waitFor({ state: "visible" });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const dragPerMouseEvent = perKey(beforeDrag, await readCdpMetrics(dragCdp), 11);
  await dragCdp.detach();
  await page.keyboard.press("c");
  const dialog = page.locator('[role="dialog"][aria-label="New annotation"]');
  await dialog.waitFor({ state: "visible" });
  const quote = (await dialog.locator("blockquote").textContent()) ?? "";
  if (quote.replace(/\s+/g, " ").trim() !== drag.phrase.replace(/\s+/g, " ").trim()) {
    throw new Error(`The composer quotes “${quote}”, but the drag selected “${drag.phrase}”.`);
  }

  await page.evaluate(() => {
    const root = document.querySelector(".ProseMirror");
    if (!root) throw new Error("no reading view");
    const known = new Set<string>();
    root.querySelectorAll("[data-annotation-id]").forEach((element) => known.add(element.getAttribute("data-annotation-id") ?? ""));
    const marks: AddMarks = { submitMs: null, domMs: null, paintMs: null, newId: null };
    (window as BenchWindow).__benchAdd = marks;
    window.addEventListener(
      "keydown",
      (event) => {
        if (event.key === "Enter" && event.ctrlKey && marks.submitMs === null) marks.submitMs = performance.now();
      },
      { capture: true },
    );
    const unseenId = (node: Node): string | null => {
      if (!(node instanceof Element)) return null;
      const candidates = [node, ...node.querySelectorAll("[data-annotation-id]")];
      for (const element of candidates) {
        const id = element.getAttribute("data-annotation-id");
        if (id && !known.has(id)) return id;
      }
      return null;
    };
    const observer = new MutationObserver((records) => {
      if (marks.submitMs === null) return;
      for (const record of records) {
        const found = record.type === "attributes" ? unseenId(record.target) : [...record.addedNodes].map(unseenId).find((id) => id !== null);
        if (!found) continue;
        marks.domMs = performance.now();
        marks.newId = found;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            marks.paintMs = performance.now();
            channel.port1.close();
          };
          channel.port2.postMessage(null);
        });
        return;
      }
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-annotation-id"] });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const before = await readCdpMetrics(cdp);
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => (window as BenchWindow).__benchAdd?.paintMs != null, undefined, { polling: 100, timeout: STEP_TIMEOUT_MS });
  const mainThread = perKey(before, await readCdpMetrics(cdp), 1);
  await cdp.detach();
  await page.locator('[role="status"]', { hasText: "Claim saved." }).waitFor({ state: "visible" });
  const result = await page.evaluate((path) => {
    const marks = (window as BenchWindow).__benchAdd;
    const posts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.name.endsWith(path));
    return { marks, postMs: posts[posts.length - 1]?.duration ?? null };
  }, `/api/documents/${documentId}/annotations`);
  const marks = result.marks;
  if (!marks || marks.submitMs === null || marks.domMs === null || marks.paintMs === null) throw new Error("The add-annotation probe recorded nothing.");
  return { dragPerMouseEvent, toDomMs: marks.domMs - marks.submitMs, toPaintMs: marks.paintMs - marks.submitMs, postMs: result.postMs, mainThread, phrase: drag.phrase };
}
