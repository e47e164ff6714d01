import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitTextBlocks } from "./split-text-blocks";

const corpus = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("splitTextBlocks", () => {
  it("keeps each block's offsets into the text", () => {
    const text = "Title\n\nFirst paragraph, with text.\n \nSecond.\n";
    const blocks = splitTextBlocks(text);
    expect(blocks.map((b) => b.text)).toEqual(["Title", "First paragraph, with text.", "Second."]);
    for (const block of blocks) expect(text.slice(block.start, block.end)).toBe(block.text);
  });

  it("finds the headings and interleaved footnotes of seed document 003", () => {
    const text = corpus("003_4eaebc00246cf3d8.txt");
    const blocks = splitTextBlocks(text);
    for (const block of blocks) expect(text.slice(block.start, block.end)).toBe(block.text);
    expect(blocks[0]).toMatchObject({ role: "heading", text: "2. The “Building Socialism” in the early 1920s" });
    const footnote18 = blocks.find((b) => b.text.startsWith("18 See"));
    expect(footnote18?.role).toBe("footnote");
    expect(blocks.find((b) => b.text.startsWith("The 1921 peasant riot"))?.role).toBe("body");
  });

  it("returns no blocks for blank text", () => {
    expect(splitTextBlocks("\n\n  \n")).toEqual([]);
  });
});
