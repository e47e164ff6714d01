import { describe, expect, it } from "vitest";
import { buildConfusionMatrix } from "./confusion-matrix";
import type { ScoredSpan } from "./span";
import { scoreTechniques } from "./technique-classification";

const span = (start: number, end: number, technique: string | null): ScoredSpan => ({ documentId: "d1", start, end, technique });

describe("scoreTechniques", () => {
  const key = [span(0, 10, "loaded"), span(20, 30, "name-calling"), span(40, 50, "doubt")];

  it("scores only the key spans the student marked, by technique", () => {
    const student = [span(0, 10, "loaded"), span(22, 25, "loaded"), span(60, 70, "doubt")];
    const scores = scoreTechniques(student, key);
    expect(scores.marked).toBe(2);
    expect(scores.correct).toBe(1);
    expect(scores.accuracy).toBe(0.5);
    expect(scores.pairs).toEqual([
      ["loaded", "loaded"],
      ["name-calling", "loaded"],
    ]);
  });

  it("counts a key span as right when any overlapping span carries its technique", () => {
    const student = [span(0, 8, "doubt"), span(2, 6, "loaded")];
    expect(scoreTechniques(student, key)).toMatchObject({ marked: 1, correct: 1, accuracy: 1, pairs: [["loaded", "loaded"]] });
  });

  it("has no accuracy when the student marked none of the key's spans, or the key is empty", () => {
    expect(scoreTechniques([span(60, 70, "doubt")], key)).toMatchObject({ marked: 0, correct: 0, accuracy: null });
    expect(scoreTechniques([], key).accuracy).toBeNull();
    expect(scoreTechniques([span(0, 10, "doubt")], []).accuracy).toBeNull();
  });

  it("builds a class confusion matrix from the pairs", () => {
    const cells = buildConfusionMatrix([
      ["loaded", "loaded"],
      ["name-calling", "loaded"],
      ["loaded", "loaded"],
    ]);
    expect(cells).toEqual([
      { keyTechnique: "loaded", studentTechnique: "loaded", count: 2 },
      { keyTechnique: "name-calling", studentTechnique: "loaded", count: 1 },
    ]);
  });
});
