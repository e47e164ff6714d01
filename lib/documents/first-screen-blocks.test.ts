import { describe, expect, it } from "vitest";
import { FIRST_SCREEN_CHARS, firstScreenBlocks, openingBlocks } from "./first-screen-blocks";
import { splitTextBlocks } from "./split-text-blocks";

const paragraph = (n: number) => `Paragraph ${n}: the delegates met in the hall at noon and voted on the motion before them.`;

describe("firstScreenBlocks", () => {
  it("is the opening the whole text's blocks begin with, up to the block that passes the limit", () => {
    const text = Array.from({ length: 400 }, (_, i) => paragraph(i)).join("\n\n");
    const screen = firstScreenBlocks("rev-long", text);
    const all = splitTextBlocks(text);
    expect(screen.blocks).toEqual(openingBlocks(all, FIRST_SCREEN_CHARS));
    expect(screen.blocks.length).toBeLessThan(all.length);
    expect(screen.more).toBe(true);
  });

  it("is the whole text when it is short, with nothing more to load", () => {
    const text = `${paragraph(1)}\n\n${paragraph(2)}\n\n   `;
    expect(firstScreenBlocks("rev-short", text)).toEqual({ blocks: splitTextBlocks(text), more: false });
  });

  it("keeps a block longer than the limit whole", () => {
    const long = "word ".repeat(3_000).trim();
    const text = `${long}\n\n${paragraph(2)}`;
    const screen = firstScreenBlocks("rev-one-long-block", text);
    expect(screen.blocks).toEqual([{ start: 0, end: long.length, text: long, role: "body" }]);
    expect(screen.more).toBe(true);
  });
});
