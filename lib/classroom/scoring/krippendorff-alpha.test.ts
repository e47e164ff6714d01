import { describe, expect, it } from "vitest";
import { characterAgreement } from "./character-agreement";
import { nominalAlpha } from "./krippendorff-alpha";
import { pairwiseF1 } from "./pairwise-f1";
import type { ScoredSpan } from "./span";

describe("nominalAlpha", () => {
  it("reproduces Krippendorff's worked example (2011): 4 coders × 12 units with missing values, nominal alpha = 0.743", () => {
    const _ = null;
    const reliabilityData = [
      /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      /* C */ [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    expect(nominalAlpha(reliabilityData)).toBeCloseTo(0.743, 3);
  });

  it("is 1 for perfect agreement and undefined without variation", () => {
    expect(nominalAlpha([["a", "b", "a"], ["a", "b", "a"]])).toBe(1);
    expect(nominalAlpha([["a", "a"], ["a", "a"]])).toBeNull();
  });

  it("is below zero for systematic disagreement", () => {
    expect(nominalAlpha([["a", "b", "a", "b"], ["b", "a", "b", "a"]])).toBeLessThan(0);
  });
});

const span = (start: number, end: number, technique: string | null, documentId = "d1"): ScoredSpan => ({ documentId, start, end, technique });

/** The per-character matrix written out, to check the run-based sweep against the plain definition. */
function characterMatrix(length: number, coders: ScoredSpan[][], pick: (techniques: string[]) => string): string[][] {
  return coders.map((spans) =>
    Array.from({ length }, (_, i) => {
      const techniques = [...new Set(spans.filter((s) => s.start <= i && i < s.end).map((s) => s.technique ?? "(marked)"))].sort();
      return pick(techniques);
    }),
  );
}

describe("characterAgreement", () => {
  const coders = [
    [span(0, 10, "loaded"), span(5, 12, "doubt"), span(30, 35, null)],
    [span(2, 10, "loaded"), span(28, 36, null)],
    [span(0, 12, "doubt"), span(40, 45, "loaded")],
  ];
  const input = { documents: [{ id: "d1", length: 50 }], coders: coders.map((spans, i) => ({ id: `s${i}`, spans })), techniques: ["loaded", "doubt"] };

  it("matches the per-character definition, overall and per technique", () => {
    const result = characterAgreement(input);
    const overall = nominalAlpha(characterMatrix(50, coders, (t) => (t.length === 0 ? "none" : t.join("+"))));
    expect(result.overall).toBeCloseTo(overall ?? Number.NaN, 10);
    for (const technique of ["loaded", "doubt"]) {
      const expected = nominalAlpha(characterMatrix(50, coders, (t) => (t.includes(technique) ? "1" : "0")));
      expect(result.perTechnique.find((row) => row.technique === technique)?.alpha).toBeCloseTo(expected ?? Number.NaN, 10);
    }
  });

  it("is 1 when every coder marked the same characters with the same technique", () => {
    const same = [span(3, 9, "loaded")];
    expect(characterAgreement({ documents: [{ id: "d1", length: 20 }], coders: [{ id: "a", spans: same }, { id: "b", spans: same }], techniques: ["loaded"] })).toEqual({
      overall: 1,
      perTechnique: [{ technique: "loaded", alpha: 1 }],
    });
  });

  it("needs two coders", () => {
    expect(characterAgreement({ documents: [{ id: "d1", length: 20 }], coders: [{ id: "a", spans: [] }], techniques: ["loaded"] }).overall).toBeNull();
  });
});

describe("pairwiseF1", () => {
  it("is symmetric, with F1 between each two coders", () => {
    const matrix = pairwiseF1([{ spans: [span(0, 10, "a")] }, { spans: [span(5, 15, "a")] }, { spans: [] }]);
    expect(matrix).toEqual([
      [1, 0.5, 0],
      [0.5, 1, 0],
      [0, 0, null],
    ]);
  });
});
