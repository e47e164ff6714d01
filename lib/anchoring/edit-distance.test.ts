import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
    expect(editDistance("«ВКП(б)»", "“ВКП (б)”")).toBe(3);
  });

  it("gives up beyond maxDistance", () => {
    expect(editDistance("kitten", "sitting", 2)).toBeUndefined();
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("a", "a".repeat(100), 10)).toBeUndefined();
  });

  it("is exact for a long text edited in one place", () => {
    const text = seed("003_4eaebc00246cf3d8.txt").slice(0, 20_000);
    const edited = `${text.slice(0, 9000)}[sic]${text.slice(9003)}`;
    expect(editDistance(text, edited, 5000)).toBe(5);
  });

  it("bounds from above, never below, a long text edited in many places", () => {
    const text = seed("003_4eaebc00246cf3d8.txt").slice(0, 20_000);
    let edited = text;
    for (let at = 500; at < 19_000; at += 1500) edited = `${edited.slice(0, at)}#${edited.slice(at + 2)}`;
    const edits = Math.floor((19_000 - 500) / 1500) + 1;
    // Each edit replaces two characters with one: at most two operations, at least one.
    const bound = editDistance(text, edited, 5000);
    expect(bound).toBeGreaterThanOrEqual(edits);
    expect(bound).toBeLessThanOrEqual(2 * edits + 16);
  });
});
