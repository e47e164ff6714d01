import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncate } from "./truncate";

/** The definition: flatten all of the text, then cut. */
const reference = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

describe("truncate", () => {
  it("puts text on one line and cuts it with an ellipsis", () => {
    expect(truncate("  The congress\n\n  opened  ", 60)).toBe("The congress opened");
    expect(truncate("abcdefghij", 5)).toBe("abcd…");
  });

  it("cuts a long passage as flattening all of it would, whitespace anywhere", () => {
    const words = fc.array(fc.oneof(fc.constantFrom(" ", "\n", "\t", "   ", "\n\n"), fc.string({ minLength: 1, maxLength: 12 })), { maxLength: 400 });
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 80 }), (parts, max) => {
        expect(truncate(parts.join(""), max)).toBe(reference(parts.join(""), max));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a passage that is mostly whitespace whole when it fits", () => {
    const text = `a${" ".repeat(1000)}b`;
    expect(truncate(text, 10)).toBe("a b");
  });
});
