import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitTextBlocks } from "./split-text-blocks";
import { replaceSection, sectionAt, splitSections } from "./text-sections";

const corpus = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();

describe("splitSections", () => {
  it("opens a section at each heading and covers every block once, in order", () => {
    const text = "Intro paragraph one.\n\nIntro two.\n\nA Heading\n\nBody under it.\n\nMore body.";
    const blocks = splitTextBlocks(text);
    const sections = splitSections(blocks);
    expect(sections.map((s) => [s.firstBlock, s.lastBlock])).toEqual([
      [0, 1],
      [2, 4],
    ]);
    expect(text.slice(sections[1]!.start, sections[1]!.end)).toBe("A Heading\n\nBody under it.\n\nMore body.");
  });

  it("closes a section at the block and character limits", () => {
    const text = Array.from({ length: 7 }, (_, i) => `Paragraph ${i} with words.`).join("\n\n");
    const blocks = splitTextBlocks(text);
    expect(splitSections(blocks, { maxBlocks: 3, maxChars: 10_000 }).map((s) => s.lastBlock - s.firstBlock + 1)).toEqual([3, 3, 1]);
    expect(splitSections(blocks, { maxBlocks: 30, maxChars: 50 }).map((s) => s.lastBlock - s.firstBlock + 1)).toEqual([2, 2, 2, 1]);
  });

  it("keeps a single block longer than the limit as a section of its own", () => {
    const text = `Short.\n\n${"Long words here. ".repeat(20).trim()}\n\nShort again.`;
    const sections = splitSections(splitTextBlocks(text), { maxBlocks: 30, maxChars: 40 });
    expect(sections.map((s) => [s.firstBlock, s.lastBlock])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it("has no sections for an empty text", () => {
    expect(splitSections(splitTextBlocks(""))).toEqual([]);
  });

  it("splits the seed corpus into contiguous sections", () => {
    const text = corpus("003_4eaebc00246cf3d8.txt");
    const blocks = splitTextBlocks(text);
    const sections = splitSections(blocks);
    expect(sections[0]?.firstBlock).toBe(0);
    expect(sections.at(-1)?.lastBlock).toBe(blocks.length - 1);
    sections.forEach((section, i) => {
      if (i > 0) expect(section.firstBlock).toBe(sections[i - 1]!.lastBlock + 1);
      expect(section.start).toBe(blocks[section.firstBlock]!.start);
      expect(section.end).toBe(blocks[section.lastBlock]!.end);
    });
  });
});

describe("sectionAt", () => {
  it("finds the section of any offset; offsets between sections go to the next one", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ]{1,12}[a-z]$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (paragraphs, maxBlocks) => {
        const text = paragraphs.join("\n\n");
        const sections = splitSections(splitTextBlocks(text), { maxBlocks, maxChars: 10_000 });
        for (let offset = 0; offset <= text.length; offset++) {
          const section = sectionAt(sections, offset);
          expect(section).toBeDefined();
          const inside = sections.find((s) => s.start <= offset && offset <= s.end);
          const after = sections.find((s) => s.start > offset);
          expect(section).toBe(inside ?? after ?? sections.at(-1));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("replaceSection", () => {
  it("changes only the section's span", () => {
    const text = "One.\n\nTwo.\n \nThree.";
    const blocks = splitTextBlocks(text);
    const [middle] = splitSections(blocks, { maxBlocks: 1, maxChars: 100 }).slice(1);
    expect(replaceSection(text, middle!, "Deux.\n\nEt demi.")).toBe("One.\n\nDeux.\n\nEt demi.\n \nThree.");
  });
});
