import { describe, expect, it } from "vitest";
import type { Highlight } from "@/components/editor/utils/build-highlight-decoration";
import { diffHighlights } from "./diff-highlights";

interface Item {
  id: string;
  start: number;
}
const toHighlight = (item: Item): Highlight => ({ id: item.id, from: item.start, to: item.start + 3, kind: "CLAIM", label: item.id });
const drawnOf = (items: Item[]) => new Map(items.map((item) => [item.id, item]));

describe("diffHighlights", () => {
  const a = { id: "a", start: 1 };
  const b = { id: "b", start: 10 };

  it("does nothing when the same objects are visible", () => {
    const { actions, drawn } = diffHighlights(drawnOf([a, b]), [a, b], toHighlight);
    expect(actions).toEqual([]);
    expect([...drawn.keys()]).toEqual(["a", "b"]);
  });

  it("adds a new annotation and removes a hidden one, touching nothing else", () => {
    const c = { id: "c", start: 20 };
    const { actions, drawn } = diffHighlights(drawnOf([a, b]), [a, c], toHighlight);
    expect(actions).toEqual([
      { type: "remove", id: "b" },
      { type: "add", highlight: toHighlight(c) },
    ]);
    expect([...drawn.keys()]).toEqual(["a", "c"]);
  });

  it("redraws an edited annotation (a new object under the same id) by adding it again", () => {
    const edited = { id: "a", start: 2 };
    expect(diffHighlights(drawnOf([a, b]), [edited, b], toHighlight).actions).toEqual([{ type: "add", highlight: toHighlight(edited) }]);
  });

  it("rebuilds the whole set when more changed than the limit", () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ id: `n${i}`, start: i * 5 }));
    const { actions } = diffHighlights(drawnOf([a]), many, toHighlight, 3);
    expect(actions).toEqual([{ type: "set", highlights: many.map(toHighlight) }]);
  });

  it("clears everything with single removals when filters hide a few", () => {
    expect(diffHighlights(drawnOf([a, b]), [], toHighlight).actions).toEqual([
      { type: "remove", id: "a" },
      { type: "remove", id: "b" },
    ]);
  });
});
