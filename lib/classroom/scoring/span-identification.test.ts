import { describe, expect, it } from "vitest";
import { scoreSpanIdentification } from "./span-identification";
import type { ScoredSpan } from "./span";

const span = (start: number, end: number, technique: string | null = "t", documentId = "d1"): ScoredSpan => ({ documentId, start, end, technique });

describe("scoreSpanIdentification (SemEval-2020 Task 11 partial credit)", () => {
  it("gives full marks for an exact match", () => {
    expect(scoreSpanIdentification([span(4, 18)], [span(4, 18)])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("credits a partial overlap by the share of characters covered", () => {
    // student 0–10, key 5–15: half of each is covered by the other.
    expect(scoreSpanIdentification([span(0, 10)], [span(5, 15)])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    // student 0–10, key 8–18: 2 of 10 characters either way.
    const scores = scoreSpanIdentification([span(0, 10)], [span(8, 18)]);
    expect(scores.precision).toBeCloseTo(0.2, 10);
    expect(scores.recall).toBeCloseTo(0.2, 10);
  });

  it("scores a span nested inside a key span: precise but incomplete", () => {
    const scores = scoreSpanIdentification([span(5, 10)], [span(0, 20)]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0.25);
    expect(scores.f1).toBeCloseTo(0.4, 10);
  });

  it("counts overlapping spans on the other side once, so no span earns more than full credit", () => {
    const scores = scoreSpanIdentification([span(0, 15)], [span(0, 10), span(5, 15)]);
    expect(scores).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("averages over spans: a missed extra span halves precision", () => {
    const scores = scoreSpanIdentification([span(0, 10), span(20, 30)], [span(0, 10)]);
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBe(1);
    expect(scores.f1).toBeCloseTo(2 / 3, 10);
  });

  it("never credits the same offsets in another document", () => {
    expect(scoreSpanIdentification([span(0, 10, "t", "d2")], [span(0, 10, "t", "d1")])).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it("ignores the technique: identification is about where, not what", () => {
    expect(scoreSpanIdentification([span(0, 10, "a")], [span(0, 10, "b")])).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("handles an empty key: precision 0, recall undefined, F1 0", () => {
    expect(scoreSpanIdentification([span(0, 10)], [])).toEqual({ precision: 0, recall: null, f1: 0 });
  });

  it("handles an empty submission: precision undefined, recall 0, F1 0", () => {
    expect(scoreSpanIdentification([], [span(0, 10)])).toEqual({ precision: null, recall: 0, f1: 0 });
  });

  it("has nothing to say when both are empty", () => {
    expect(scoreSpanIdentification([], [])).toEqual({ precision: null, recall: null, f1: null });
  });
});
