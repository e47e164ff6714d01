import { describe, expect, it } from "vitest";
import { findUnstorableText, unstorableTextReason } from "./text-rules";
import { parseInput } from "./parse-input";
import { z } from "zod";

describe("the text rule", () => {
  it("passes real text: tabs, newlines, form feeds, any script, emoji", () => {
    for (const text of ["О дискуссии\n\n“Dawn of the East”\tNo. 473\f", "Zhōngguó 中国 📜", "line\r\nbreak", ""]) expect(unstorableTextReason(text)).toBeNull();
  });

  it("refuses NUL and other C0 controls, and lone surrogates of either half", () => {
    expect(unstorableTextReason("a\u0000b")).toBe("control");
    expect(unstorableTextReason("bell\u0007")).toBe("control");
    expect(unstorableTextReason("high \uD800 alone")).toBe("surrogate");
    expect(unstorableTextReason("\uDC00 low alone")).toBe("surrogate");
    expect(unstorableTextReason("reversed \uDC00\uD800")).toBe("surrogate");
  });

  it("finds the first bad string field, however nested, skipping passwords", () => {
    expect(findUnstorableText({ note: "fine", tags: ["ok", "bad\u0000"] })).toEqual(["tags.1", "control"]);
    expect(findUnstorableText({ password: "\u0001secret", newPassword: "\uD800" })).toBeNull();
    expect(findUnstorableText("\uD800")).toEqual(["form", "surrogate"]);
  });

  it("is applied by parseInput to every text field, naming it", () => {
    const schema = z.object({ note: z.string(), name: z.string() });
    expect(parseInput(schema, { note: "A note.", name: "Ada" })).toEqual({ note: "A note.", name: "Ada" });
    expect(() => parseInput(schema, { note: "A\u0000note", name: "Ada" })).toThrow(expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { note: expect.any(String) } }));
  });
});
