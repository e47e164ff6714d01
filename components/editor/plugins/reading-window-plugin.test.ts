import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { splitTextBlocks } from "@/lib/documents/split-text-blocks";
import { readingExtensions } from "../reading-extensions";
import { buildDocumentContent } from "../utils/build-document-content";
import { blockIndexAt, blockStarts, nearBlocks } from "../utils/reading-window-blocks";
import { createReadingWindowPlugin, readingWindowKey } from "./reading-window-plugin";

// Headless: the window's state (which blocks are built), no DOM.
const schema = getSchema(readingExtensions);
const paragraph = (n: number) => `Paragraph ${n}: the delegates met in the hall at noon and voted on the motion.`;
const TEXT = Array.from({ length: 200 }, (_, i) => paragraph(i)).join("\n\n");
const OPTIONS = { minSize: 2_000, initialChars: 800 };

function createState(text = TEXT, options = OPTIONS) {
  const doc = ProseMirrorNode.fromJSON(schema, buildDocumentContent(splitTextBlocks(text)));
  return EditorState.create({ doc, plugins: [createReadingWindowPlugin(options)] });
}

/** The indices of the blocks the window builds. */
function builtBlocks(state: EditorState): number[] {
  const window = readingWindowKey.getState(state);
  return (window?.decorations.find() ?? []).map((d) => blockIndexAt(state.doc, d.from + 1));
}

describe("the reading window", () => {
  it("builds only the opening of a long text before anything is measured", () => {
    const state = createState();
    const built = builtBlocks(state);
    expect(readingWindowKey.getState(state)?.active).toBe(true);
    expect(built[0]).toBe(0);
    expect(built.length).toBeGreaterThan(5);
    expect(built.length).toBeLessThan(20);
    expect(built).toEqual(Array.from({ length: built.length }, (_, i) => i));
  });

  it("leaves a short text alone: everything is built", () => {
    const state = createState(TEXT.slice(0, 1_500));
    expect(readingWindowKey.getState(state)?.active).toBe(false);
    expect(builtBlocks(state)).toEqual([]);
  });

  it("follows the measured viewport, and keeps both ends of the selection built wherever they are", () => {
    let state = createState();
    state = state.apply(state.tr.setMeta(readingWindowKey, { viewport: { from: 100, to: 104 } }));
    expect(builtBlocks(state)).toEqual([0, 100, 101, 102, 103, 104]);
    const starts = blockStarts(state.doc);
    const anchor = (starts[30] ?? 0) + 5;
    const head = (starts[170] ?? 0) + 9;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, anchor, head)));
    expect(builtBlocks(state)).toEqual([30, 100, 101, 102, 103, 104, 170]);
  });

  it("keeps a revealed block built until another is revealed", () => {
    let state = createState();
    state = state.apply(state.tr.setMeta(readingWindowKey, { pin: 150 }));
    expect(builtBlocks(state)).toContain(150);
    state = state.apply(state.tr.setMeta(readingWindowKey, { viewport: { from: 10, to: 12 } }));
    expect(builtBlocks(state)).toEqual([0, 10, 11, 12, 150]);
    state = state.apply(state.tr.setMeta(readingWindowKey, { pin: 60 }));
    expect(builtBlocks(state)).toEqual([0, 10, 11, 12, 60]);
  });

  it("keeps its state (no new decorations) for a transaction that changes nothing it depends on", () => {
    const state = createState();
    const next = state.apply(state.tr.setMeta("unrelated", true));
    expect(readingWindowKey.getState(next)).toBe(readingWindowKey.getState(state));
  });
});

describe("reading-window blocks", () => {
  it("finds the block holding a position, the end of the document included", () => {
    const state = createState();
    const starts = blockStarts(state.doc);
    expect(blockIndexAt(state.doc, 0)).toBe(0);
    expect(blockIndexAt(state.doc, (starts[7] ?? 0) + 1)).toBe(7);
    expect(blockIndexAt(state.doc, starts[8] ?? 0)).toBe(8);
    expect(blockIndexAt(state.doc, state.doc.content.size)).toBe(state.doc.childCount - 1);
  });

  it("merges the viewport with the extra blocks, in order, once each, inside the document", () => {
    expect(nearBlocks({ from: 3, to: 5 }, [null, 9, 4, -1, 99], 10)).toEqual([3, 4, 5, 9]);
    expect(nearBlocks({ from: 8, to: 20 }, [], 10)).toEqual([8, 9]);
  });
});
