import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import type { Decoration } from "@tiptap/pm/view";
import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring/describe-range";
import { reanchorAnnotation } from "@/lib/anchoring/reanchor-annotation";
import { splitTextBlocks } from "@/lib/documents/split-text-blocks";
import { readingExtensions } from "../reading-extensions";
import { buildDocumentContent } from "../utils/build-document-content";
import type { Highlight } from "../utils/build-highlight-decoration";
import { annotationHighlightsKey, createAnnotationHighlightsPlugin, highlightRange, highlightsAt } from "./annotation-highlights-plugin";
import { createReadingModePlugin, readingModeKey } from "./reading-mode-plugin";

// Headless: a ProseMirror state with the plugins, no DOM. Text from seed document 004.
const TEXT = "About the discussion\n\nQuestion: Is the Central Committee's position approved by the party?\n\nAnswer: More than 90% of members approve it.";
const schema = getSchema(readingExtensions);

function createState(text = TEXT) {
  const doc = ProseMirrorNode.fromJSON(schema, buildDocumentContent(splitTextBlocks(text)));
  return EditorState.create({ doc, plugins: [createReadingModePlugin(), createAnnotationHighlightsPlugin()] });
}

/** A ProseMirror range for a phrase of the document (one character is one position). */
function rangeOf(state: EditorState, phrase: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? "").indexOf(phrase) : -1;
    if (index >= 0 && !found) found = { from: pos + index, to: pos + index + phrase.length };
  });
  if (!found) throw new Error(`phrase not in document: ${phrase}`);
  return found;
}

function highlight(state: EditorState, id: string, phrase: string, kind: Highlight["kind"] = "CLAIM"): Highlight {
  return { id, kind, label: `${kind} ${id}`, ...rangeOf(state, phrase) };
}

const decorations = (state: EditorState): Decoration[] => annotationHighlightsKey.getState(state)?.decorations.find() ?? [];
const withMeta = (state: EditorState, meta: unknown) => state.apply(state.tr.setMeta(annotationHighlightsKey, meta));
const textOf = (state: EditorState, d: { from: number; to: number }) => state.doc.textBetween(d.from, d.to);

describe("annotation highlights plugin", () => {
  it("draws overlapping highlights, both findable at a shared position, innermost first", () => {
    let state = createState();
    const claim = highlight(state, "claim", "More than 90% of members approve it");
    const loaded = highlight(state, "bias", "90% of members", "BIAS_MARKER");
    state = withMeta(state, { type: "set", highlights: [claim, loaded] });

    expect(decorations(state)).toHaveLength(2);
    const shared = rangeOf(state, "90%").from;
    expect(highlightsAt(state, shared)).toEqual(["bias", "claim"]);
    expect(highlightsAt(state, rangeOf(state, "approve it").from)).toEqual(["claim"]);
    const attrs = (decorations(state).find((d) => d.spec.id === "bias") as Decoration & { type: { attrs: Record<string, string> } }).type.attrs;
    expect(attrs).toMatchObject({ nodeName: "span", class: "hl hl--bias-marker", "data-annotation-id": "bias", tabindex: "0" });
  });

  it("draws the highlights it is created with, as a later set would", () => {
    const plain = createState();
    const claim = highlight(plain, "claim", "More than 90% of members approve it");
    const loaded = highlight(plain, "bias", "90% of members", "BIAS_MARKER");
    const created = EditorState.create({ doc: plain.doc, plugins: [createReadingModePlugin(), createAnnotationHighlightsPlugin([claim, loaded])] });
    const set = withMeta(plain, { type: "set", highlights: [claim, loaded] });
    const summary = (state: EditorState) => decorations(state).map((d) => [d.spec.id, d.from, d.to]);
    expect(summary(created)).toEqual(summary(set));
    expect(highlightsAt(created, rangeOf(created, "90%").from)).toEqual(["bias", "claim"]);
  });

  it("maps highlights through edits instead of rebuilding them, and drops one whose text is deleted", () => {
    let state = createState();
    state = state.apply(state.tr.setMeta(readingModeKey, { editing: true }));
    const question = highlight(state, "q", "Central Committee's position");
    const answer = highlight(state, "a", "More than 90%");
    state = withMeta(state, { type: "set", highlights: [question, answer] });
    const before = annotationHighlightsKey.getState(state)?.decorations;

    // Insert a word before both highlights: they shift, their text stays.
    state = state.apply(state.tr.insertText("Stalin's ", rangeOf(state, "Question").from));
    expect(textOf(state, highlightRange(state, "q")!)).toBe("Central Committee's position");
    expect(textOf(state, highlightRange(state, "a")!)).toBe("More than 90%");
    expect(annotationHighlightsKey.getState(state)?.decorations).not.toBe(before);

    // Typing inside a highlight widens nothing outside it and keeps the other intact.
    const inside = rangeOf(state, "Committee").from;
    state = state.apply(state.tr.insertText("Party ", inside));
    expect(textOf(state, highlightRange(state, "q")!)).toBe("Central Party Committee's position");

    // Deleting all of a highlight's text removes its decoration.
    const { from, to } = highlightRange(state, "a")!;
    state = state.apply(state.tr.delete(from, to));
    expect(highlightRange(state, "a")).toBeNull();
    expect(highlightRange(state, "q")).not.toBeNull();
  });

  describe("an edit reaching into a highlight (issue 16)", () => {
    const SOURCE = "The April Conference of 1925 had already decided.\n\nNow new was decided on the economy: the congress only confirmed it.";
    const QUOTE = "new was decided on the economy:";
    const editing = () => {
      const state = createState(SOURCE);
      return withMeta(state.apply(state.tr.setMeta(readingModeKey, { editing: true })), { type: "set", highlights: [highlight(state, "h", QUOTE)] });
    };
    /** What the server stores for the same edit, made to the plain text. */
    const stored = (at: number, length: number) => {
      const edited = SOURCE.slice(0, at) + SOURCE.slice(at + length);
      const start = SOURCE.indexOf(QUOTE);
      return reanchorAnnotation(SOURCE, edited, describeRange(SOURCE, start, start + QUOTE.length)).selectors?.quote.exact;
    };

    it("moves a start the edit left inside a word to that word's end, as the server does", () => {
      let state = editing();
      const from = rangeOf(state, "Now new").from + "Now".length;
      state = state.apply(state.tr.delete(from, from + " ne".length));
      // "Now new was" lost " ne": the highlight's remaining "w" is the end of "Noww".
      expect(state.doc.textContent).toContain("Noww was decided");
      expect(textOf(state, highlightRange(state, "h")!)).toBe("was decided on the economy:");
      expect(stored(SOURCE.indexOf("Now new") + "Now".length, " ne".length)).toBe("was decided on the economy:");
    });

    it("keeps a highlight whose remaining start is a whole word, as the server does", () => {
      let state = editing();
      const from = rangeOf(state, "Now new").from;
      state = state.apply(state.tr.delete(from, from + "Now new w".length));
      expect(textOf(state, highlightRange(state, "h")!)).toBe("as decided on the economy:");
      expect(stored(SOURCE.indexOf("Now new w"), "Now new w".length)).toBe("as decided on the economy:");
    });

    it("leaves highlights the edit only touched at an edge as mapping puts them", () => {
      let state = editing();
      state = state.apply(state.tr.insertText("re", rangeOf(state, QUOTE).from));
      expect(textOf(state, highlightRange(state, "h")!)).toBe(QUOTE);
    });
  });

  it("adds, replaces and removes single highlights without touching the others", () => {
    let state = createState();
    state = withMeta(state, { type: "set", highlights: [highlight(state, "one", "Question"), highlight(state, "two", "Answer")] });
    // Decorations found are fresh wrappers; the shared spec object shows the decoration itself was kept.
    const untouched = decorations(state).find((d) => d.spec.id === "two")?.spec;

    state = withMeta(state, { type: "add", highlight: highlight(state, "three", "discussion", "CONTRADICTION") });
    expect(decorations(state).map((d) => d.spec.id).sort()).toEqual(["one", "three", "two"]);

    state = withMeta(state, { type: "add", highlight: highlight(state, "one", "Question: Is", "BIAS_MARKER") });
    expect(decorations(state).filter((d) => d.spec.id === "one")).toHaveLength(1);
    expect(textOf(state, highlightRange(state, "one")!)).toBe("Question: Is");

    state = withMeta(state, { type: "remove", id: "three" });
    expect(decorations(state).map((d) => d.spec.id).sort()).toEqual(["one", "two"]);
    expect(decorations(state).find((d) => d.spec.id === "two")?.spec).toBe(untouched);
  });

  it("marks the focused annotation and moves the mark when focus changes", () => {
    let state = createState();
    state = withMeta(state, { type: "set", highlights: [highlight(state, "one", "Question"), highlight(state, "two", "Answer")] });
    const classOf = (id: string) => (decorations(state).find((d) => d.spec.id === id) as Decoration & { type: { attrs: { class: string } } }).type.attrs.class;

    state = withMeta(state, { type: "focus", id: "one" });
    expect(classOf("one")).toContain("hl--focused");
    expect(classOf("two")).not.toContain("hl--focused");
    state = withMeta(state, { type: "focus", id: "two" });
    expect(classOf("one")).not.toContain("hl--focused");
    expect(classOf("two")).toContain("hl--focused");
    expect(textOf(state, highlightRange(state, "two")!)).toBe("Answer");
  });
});

describe("reading mode plugin", () => {
  it("refuses text changes while reading and allows them while editing", () => {
    let state = createState();
    const original = state.doc.textContent;
    state = state.apply(state.tr.insertText("x", 1));
    expect(state.doc.textContent).toBe(original);
    // Selection changes still go through: readers select with the keyboard.
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 6)));
    expect(selected.selection.from).toBe(1);
    expect(selected.selection.to).toBe(6);

    state = state.apply(state.tr.setMeta(readingModeKey, { editing: true }));
    state = state.apply(state.tr.insertText("x", 1));
    expect(state.doc.textContent).toBe(`x${original}`);
  });
});
