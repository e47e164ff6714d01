import { describe, expect, it } from "vitest";
import { contextSimilarity } from "./context-similarity";

describe("contextSimilarity", () => {
  const text = "Доклад «О политическом отчёте ЦК» сделал Сталин на съезде.";
  const start = text.indexOf("Сталин");
  const end = start + "Сталин".length;

  it("is 1 where prefix and suffix read as stored", () => {
    expect(contextSimilarity(text, start, end, "отчёте ЦК» сделал ", " на съезде.")).toBe(1);
  });

  it("is the share of context characters that survive", () => {
    // One of 19 prefix characters and none of the 11 suffix characters changed.
    expect(contextSimilarity(text, start, end, "отчете ЦК» сделал ", " на съезде.")).toBeCloseTo(29 / 30);
    expect(contextSimilarity(text, start, end, "xxxxxxxxxxxxxxxxxxx", "yyyyyyyyyyy")).toBe(0);
  });

  it("treats missing text at an end of the document as disagreement and an empty quote context as no evidence against", () => {
    expect(contextSimilarity(text, 0, 6, "Заголовок. ", "")).toBe(0);
    expect(contextSimilarity(text, 0, 6, "", "")).toBe(1);
  });
});
