import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { DOMSerializer, type Node as PmNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet, type EditorView, type NodeView } from "@tiptap/pm/view";
import { annotationHighlightsKey } from "./annotation-highlights-plugin";
import { blockIndexAt, blockStarts, nearBlocks, type BlockRange } from "../utils/reading-window-blocks";

/**
 * The windowed reader: every block of the text is in the ProseMirror document (so every position,
 * selection, highlight and offset stays valid for the whole text), but only the blocks near the
 * viewport — and those holding the selection's two ends, and one block revealed on demand — are
 * built as editor DOM with their highlights. Every other block is a light placeholder: the same
 * element (same tag, class and text, so the same height, and find-in-page still finds its words)
 * holding one plain text node, with no highlight spans and no ProseMirror view descriptions inside.
 *
 * The window is a set of node decorations (spec `readingWindow`) that the block node views read: a
 * block whose decorations change from far to near (or back) is rebuilt by ProseMirror, nothing else.
 */
export interface ReadingWindowState {
  /** Whether the text is long enough to window at all. */
  active: boolean;
  /** The blocks around the viewport (as last measured). */
  viewport: BlockRange;
  /** A block kept built whatever the viewport (revealInWindow). */
  pinned: number | null;
  /** The near blocks' node decorations. */
  decorations: DecorationSet;
}

type WindowMeta = { viewport: BlockRange } | { pin: number };

export const readingWindowKey = new PluginKey<ReadingWindowState>("readingWindow");

export interface ReadingWindowOptions {
  /** Texts up to this many positions are built whole (the window would save nothing). */
  minSize: number;
  /** Before the first measurement: about how many characters from the top count as near. */
  initialChars: number;
}

export const READING_WINDOW_DEFAULTS: ReadingWindowOptions = { minSize: 40_000, initialChars: 12_000 };

const NEAR_SPEC = { readingWindow: true };

function buildDecorations(doc: PmNode, viewport: BlockRange, pinned: number | null, anchor: number, head: number): DecorationSet {
  const starts = blockStarts(doc);
  const indices = nearBlocks(viewport, [pinned, blockIndexAt(doc, anchor), blockIndexAt(doc, head)], doc.childCount);
  return DecorationSet.create(
    doc,
    indices.map((index) => {
      const from = starts[index] ?? 0;
      return Decoration.node(from, from + doc.child(index).nodeSize, {}, NEAR_SPEC);
    }),
  );
}

function initialViewport(doc: PmNode, chars: number): BlockRange {
  let seen = 0;
  let last = 0;
  while (last < doc.childCount - 1 && seen < chars) seen += doc.child(last++).nodeSize;
  return { from: 0, to: last };
}

const sameRange = (a: BlockRange, b: BlockRange) => a.from === b.from && a.to === b.to;

function apply(tr: Transaction, value: ReadingWindowState, newState: EditorState): ReadingWindowState {
  if (!value.active) return value;
  const meta = tr.getMeta(readingWindowKey) as WindowMeta | undefined;
  let { viewport, pinned } = value;
  if (meta && "viewport" in meta) viewport = meta.viewport;
  if (meta && "pin" in meta) pinned = meta.pin;
  // Rebuilt (a few dozen decorations) only when what counts as near may have changed.
  if (!tr.docChanged && !tr.selectionSet && viewport === value.viewport && pinned === value.pinned) return value;
  const { anchor, head } = newState.selection;
  return { active: true, viewport, pinned, decorations: buildDecorations(newState.doc, viewport, pinned, anchor, head) };
}

const isNear = (decorations: readonly Decoration[]) => decorations.some((d) => (d.spec as { readingWindow?: boolean }).readingWindow === true);

/** The block as its schema draws it, with ProseMirror filling it (near the viewport). */
function builtBlock(node: PmNode): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM?.(node) ?? ["p", 0]);
  let current = node;
  return {
    dom,
    contentDOM,
    update: (next, decorations) => {
      if (!next.sameMarkup(current) || !isNear(decorations)) return false;
      current = next;
      return true;
    },
  };
}

/** The same element holding the block's text as one plain text node (far from the viewport). */
function placeholderBlock(node: PmNode): NodeView {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM?.(node) ?? ["p", 0]);
  (contentDOM ?? dom).textContent = node.textContent;
  let current = node;
  return {
    dom,
    update: (next, decorations) => {
      if (!next.sameMarkup(current) || isNear(decorations)) return false;
      if (!next.eq(current)) (contentDOM ?? dom).textContent = next.textContent;
      current = next;
      return true;
    },
  };
}

function blockView(node: PmNode, view: EditorView, _getPos: () => number | undefined, decorations: readonly Decoration[]): NodeView {
  const active = readingWindowKey.getState(view.state)?.active ?? false;
  return !active || isNear(decorations) ? builtBlock(node) : placeholderBlock(node);
}

/** How many frames a window update waits for ProseMirror to read a new DOM selection. */
const MAX_WAIT_FRAMES = 10;

/** Whether the browser's selection in the editor is not (yet) the one in the editor's state. */
function selectionPending(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode || !view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return false;
  const { from, to } = view.state.selection;
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return Math.min(anchor, head) !== from || Math.max(anchor, head) !== to;
  } catch {
    return false; // a DOM point ProseMirror cannot place: nothing it would read either
  }
}

/** How far beyond the viewport, in viewport heights, blocks are built (so a scroll finds them ready). */
const MARGIN_SCREENS = 1;

/** The blocks whose element overlaps the viewport widened by MARGIN_SCREENS, or null when the editor is not laid out. */
export function measureViewport(view: EditorView): BlockRange | null {
  const doc = view.state.doc;
  if (doc.childCount === 0 || view.dom.getClientRects().length === 0) return null;
  const starts = blockStarts(doc);
  const rectOf = (index: number) => (view.nodeDOM(starts[index] ?? 0) as HTMLElement | null)?.getBoundingClientRect();
  const margin = window.innerHeight * MARGIN_SCREENS;
  // Blocks are in vertical order: the first whose bottom is below the window's top (less the margin)...
  let low = 0;
  let high = doc.childCount - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((rectOf(middle)?.bottom ?? 0) > -margin) high = middle;
    else low = middle + 1;
  }
  const from = low;
  // ...and the last whose top is above the window's bottom (plus the margin).
  high = doc.childCount - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((rectOf(middle)?.top ?? 0) < window.innerHeight + margin) low = middle;
    else high = middle - 1;
  }
  return { from, to: Math.max(from, low) };
}

/**
 * Runs `update` (a transaction that rebuilds blocks), keeping the keyboard focus where it was: a
 * redraw makes ProseMirror put the DOM selection back, and Chromium then moves the focus from a
 * focused highlight to the editor itself, which would lose a reader's place in Tab order.
 */
function keepingFocus(view: EditorView, update: () => void): void {
  const focused = document.activeElement;
  update();
  if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected && view.dom.contains(focused)) focused.focus({ preventScroll: true });
}

/**
 * Builds the block holding `pos` (if it is a placeholder) now, so the caller can find the DOM of
 * what is there (a highlight to scroll to and focus). It stays built until another is revealed.
 */
export function revealInWindow(view: EditorView, pos: number): void {
  const state = readingWindowKey.getState(view.state);
  if (!state?.active) return;
  const index = blockIndexAt(view.state.doc, pos);
  if (index !== state.pinned) view.dispatch(view.state.tr.setMeta(readingWindowKey, { pin: index } satisfies WindowMeta));
}

/** Whether the block holding `pos` is built as editor DOM now. */
function isBuilt(state: EditorState, pos: number): boolean {
  const window = readingWindowKey.getState(state);
  if (!window?.active) return true;
  return window.decorations.find(pos, pos).length > 0;
}

/**
 * Tab and Shift+Tab step from highlight to highlight in DOM order, as the browser does; a highlight
 * in a placeholder block has no element to step to, so when the next one (by where it starts) is
 * there, its block is built and the highlight focused here.
 */
function stepToUnbuiltHighlight(view: EditorView, event: KeyboardEvent): boolean {
  if (event.key !== "Tab" || event.ctrlKey || event.metaKey || event.altKey) return false;
  const current = (event.target as HTMLElement | null)?.closest?.("[data-annotation-id]");
  if (!current || !view.dom.contains(current)) return false;
  const decorations = annotationHighlightsKey.getState(view.state)?.decorations;
  if (!decorations) return false;
  const here = view.posAtDOM(current, 0);
  const candidates = event.shiftKey ? decorations.find(0, here).filter((d) => d.from < here) : decorations.find(here + 1, view.state.doc.content.size).filter((d) => d.from > here);
  if (candidates.length === 0) return false;
  const next = candidates.reduce((best, d) => (event.shiftKey ? (d.from > best.from ? d : best) : d.from < best.from ? d : best));
  if (isBuilt(view.state, next.from)) return false;
  revealInWindow(view, next.from);
  const id = (next.spec as { id?: string }).id ?? "";
  const element = view.dom.querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`);
  if (!element) return false;
  element.focus();
  return true;
}

export function createReadingWindowPlugin(options: ReadingWindowOptions = READING_WINDOW_DEFAULTS) {
  return new Plugin<ReadingWindowState>({
    key: readingWindowKey,
    state: {
      init: (_config, state) => {
        const active = state.doc.content.size > options.minSize;
        const viewport = initialViewport(state.doc, options.initialChars);
        const { anchor, head } = state.selection;
        return { active, viewport, pinned: null, decorations: active ? buildDecorations(state.doc, viewport, null, anchor, head) : DecorationSet.empty };
      },
      apply: (tr, value, _old, newState) => apply(tr, value, newState),
    },
    props: {
      decorations: (state) => readingWindowKey.getState(state)?.decorations,
      nodeViews: { paragraph: blockView, heading: blockView },
      handleKeyDown: stepToUnbuiltHighlight,
      // Says the text is windowed (the bench's probe and the tests read it).
      attributes: (state): Record<string, string> => (readingWindowKey.getState(state)?.active ? { "data-reading-window": "on" } : {}),
    },
    view(view) {
      if (!readingWindowKey.getState(view.state)?.active) return {};
      let frame = 0;
      let pointerHeld = false;
      let waited = 0;
      const measure = () => {
        frame = 0;
        if (view.isDestroyed) return;
        // Redrawing puts ProseMirror's selection back into the DOM: never while the mouse is making a
        // selection, nor before ProseMirror has read one the browser just made (a shift+click).
        if (pointerHeld || (selectionPending(view) && waited < MAX_WAIT_FRAMES)) {
          waited += 1;
          schedule();
          return;
        }
        waited = 0;
        const state = readingWindowKey.getState(view.state);
        const viewport = measureViewport(view);
        if (!state || !viewport || sameRange(viewport, state.viewport)) return;
        keepingFocus(view, () => view.dispatch(view.state.tr.setMeta(readingWindowKey, { viewport } satisfies WindowMeta).setMeta("addToHistory", false)));
      };
      const schedule = () => {
        if (!frame) frame = requestAnimationFrame(measure);
      };
      const press = () => {
        pointerHeld = true;
      };
      const release = () => {
        pointerHeld = false;
        schedule();
      };
      view.dom.addEventListener("mousedown", press);
      window.addEventListener("mouseup", release);
      window.addEventListener("scroll", schedule, { passive: true });
      window.addEventListener("resize", schedule, { passive: true });
      // The editor may be hidden and shown again (section editing): measure when its size changes.
      const resized = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
      resized?.observe(view.dom);
      schedule();
      return {
        destroy: () => {
          view.dom.removeEventListener("mousedown", press);
          window.removeEventListener("mouseup", release);
          window.removeEventListener("scroll", schedule);
          window.removeEventListener("resize", schedule);
          resized?.disconnect();
          if (frame) cancelAnimationFrame(frame);
        },
      };
    },
  });
}
