import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitTextBlocks } from "../documents/split-text-blocks";
import { createOffsetMap } from "./prosemirror-offsets";

const corpusDir = path.join(import.meta.dirname, "../../seeds/corpus");
const seeds = fs
  .readdirSync(corpusDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => ({ name, text: fs.readFileSync(path.join(corpusDir, name), "utf8").trim() }));

/** The document the reading view builds, flattened: "<" opens a block, ">" closes it. */
function flatten(blocks: { text: string }[]): string {
  return blocks.map((b) => `<${b.text}>`).join("");
}

describe("createOffsetMap", () => {
  it.each(seeds)("round-trips every block edge and offsets inside blocks of $name", ({ text }) => {
    const blocks = splitTextBlocks(text);
    const map = createOffsetMap(blocks);
    const doc = flatten(blocks);
    // In the flattened document, doc[pos] is the token right after ProseMirror position pos.
    let random = 7;
    blocks.forEach((block, i) => {
      const contentStart = map.blockContentStart(i);
      expect(doc[contentStart - 1]).toBe("<");
      expect(doc[contentStart + block.text.length]).toBe(">");
      expect(map.textToPm(block.start, "start")).toBe(contentStart);
      expect(map.textToPm(block.end, "end")).toBe(contentStart + block.text.length);
      expect(map.pmToText(contentStart)).toBe(block.start);
      expect(map.pmToText(contentStart + block.text.length)).toBe(block.end);
      for (let k = 0; k < 5; k += 1) {
        random = (random * 48271) % 2147483647;
        const offset = block.start + (random % (block.end - block.start));
        const pos = map.textToPm(offset, "start");
        expect(doc[pos]).toBe(text[offset]);
        expect(map.pmToText(pos)).toBe(offset);
        expect(map.pmToText(map.textToPm(offset + 1, "end"))).toBe(offset + 1);
      }
    });
  });

  it("maps offsets in the blank lines between blocks to the nearer side of the highlight", () => {
    const text = "Заголовок\n\n“Первый” абзац.\n \nВторой.";
    const blocks = splitTextBlocks(text);
    const map = createOffsetMap(blocks);
    // Blocks: [0,9) at 1, [11,26) at 12, [29,36) at 29.
    expect(blocks.map((b) => [b.start, b.end])).toEqual([
      [0, 9],
      [11, 26],
      [29, 36],
    ]);
    expect([map.blockContentStart(0), map.blockContentStart(1), map.blockContentStart(2)]).toEqual([1, 12, 29]);
    for (const offset of [9, 10]) {
      expect(map.textToPm(offset, "start")).toBe(12);
      expect(map.textToPm(offset, "end")).toBe(10);
    }
    expect(map.textToPm(11, "end")).toBe(10);
    expect(map.textToPm(26, "start")).toBe(29);
    expect(map.textToPm(28, "end")).toBe(27);
    expect(map.textToPm(36, "end")).toBe(36);
    expect(map.textToPm(40, "start")).toBe(36);
    expect(map.textToPm(0, "end")).toBe(1);
  });

  it("maps positions between blocks to the nearest block edge", () => {
    const map = createOffsetMap([
      { start: 0, end: 5 },
      { start: 7, end: 10 },
    ]);
    // doc: <hello><abc> — positions 0 (before the first block), 7 (between), 12 (end).
    expect(map.pmToText(0)).toBe(0);
    expect(map.pmToText(6)).toBe(5);
    expect(map.pmToText(7)).toBe(5);
    expect(map.pmToText(8)).toBe(7);
    expect(map.pmToText(11)).toBe(10);
    expect(map.pmToText(12)).toBe(10);
    expect(map.pmToText(100)).toBe(10);
  });

  it("handles 20,000 blocks", () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 12, end: i * 12 + 10 }));
    const map = createOffsetMap(blocks);
    expect(map.blockContentStart(19_999)).toBe(1 + 19_999 * 12);
    expect(map.textToPm(19_999 * 12 + 3, "start")).toBe(1 + 19_999 * 12 + 3);
    expect(map.pmToText(1 + 12_345 * 12 + 4)).toBe(12_345 * 12 + 4);
  });

  it("handles a document with no blocks and refuses bad input", () => {
    const empty = createOffsetMap([]);
    expect(empty.textToPm(0, "start")).toBe(1);
    expect(empty.pmToText(1)).toBe(0);
    expect(() => empty.blockContentStart(0)).toThrow(RangeError);
    expect(() => createOffsetMap([{ start: 5, end: 3 }])).toThrow(RangeError);
    expect(() => createOffsetMap([{ start: 0, end: 5 }, { start: 4, end: 8 }])).toThrow(RangeError);
    const map = createOffsetMap([{ start: 0, end: 5 }]);
    expect(() => map.textToPm(-1, "start")).toThrow(RangeError);
    expect(() => map.pmToText(1.5)).toThrow(RangeError);
  });
});
