import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffTexts } from "./map-offset-through-edit";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("diffTexts", () => {
  const text = seed("003_4eaebc00246cf3d8.txt");

  it("finds the one changed region of a replacement in seed 003", () => {
    const at = text.indexOf("‘war communism’");
    const edited = `${text.slice(0, at)}“War Communism”${text.slice(at + "‘war communism’".length)}`;
    const edit = diffTexts(text, edited);
    expect(edit.changedFrom).toBe(at);
    expect(edit.changedTo).toBe(at + "‘war communism’".length);
    expect(edit.mapOffset(at - 1, 1)).toBe(at - 1);
    expect(edit.mapOffset(at + 20, -1)).toBe(at + 20);
    expect(edit.mapOffset(text.length, 1)).toBe(edited.length);
  });

  it("shifts offsets after an insertion by its length and keeps those before", () => {
    const at = text.indexOf("Lenin");
    const edited = `${text.slice(0, at)}В. И. ${text.slice(at)}`;
    const edit = diffTexts(text, edited);
    expect([edit.changedFrom, edit.changedTo]).toEqual([at, at]);
    expect(edit.mapOffset(at - 1, 1)).toBe(at - 1);
    expect(edit.mapOffset(at + 10, -1)).toBe(at + 16);
    // At the insertion point, assoc says which side of the new text the offset keeps to.
    expect(edit.mapOffset(at, -1)).toBe(at);
    expect(edit.mapOffset(at, 1)).toBe(at + 6);
  });

  it("clamps offsets inside a replaced region to its new start or end", () => {
    const old = "Съезд открылся 18 декабря 1925 года.";
    const edited = "Съезд открылся в конце декабря 1925 года.";
    const edit = diffTexts(old, edited);
    expect([edit.changedFrom, edit.changedTo]).toEqual([15, 17]);
    expect(edit.mapOffset(16, -1)).toBe(15);
    expect(edit.mapOffset(16, 1)).toBe(22);
    // The region's own edges are outside it: its start stays, its end shifts.
    expect(edit.mapOffset(15, 1)).toBe(15);
    expect(edit.mapOffset(17, -1)).toBe(22);
    expect(edit.mapOffset(20, 1)).toBe(25);
  });

  it("maps everything into a deleted region to where it was", () => {
    const edit = diffTexts("one six three", "one three");
    expect([edit.changedFrom, edit.changedTo]).toEqual([4, 8]);
    for (const offset of [4, 5, 6, 7, 8]) expect(edit.mapOffset(offset, 1)).toBe(4);
    expect(edit.mapOffset(9, 1)).toBe(5);
  });

  it("reports no region for identical texts", () => {
    const edit = diffTexts(text, text);
    expect(edit.changedFrom).toBe(edit.changedTo);
    expect(edit.mapOffset(1234, 1)).toBe(1234);
  });

  it("does not cut an astral character in two", () => {
    // 😀 and 😁 share their first UTF-16 unit.
    const edit = diffTexts("a😀b", "a😁b");
    expect([edit.changedFrom, edit.changedTo]).toEqual([1, 3]);
  });

  it("refuses offsets outside the old text", () => {
    const edit = diffTexts("abc", "abcd");
    expect(() => edit.mapOffset(4, 1)).toThrow(RangeError);
    expect(() => edit.mapOffset(-1, 1)).toThrow(RangeError);
    expect(() => edit.mapOffset(1.5, 1)).toThrow(RangeError);
  });
});
