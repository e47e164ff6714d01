import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { describeRange } from "./describe-range";
import { reanchorAnnotation } from "./reanchor-annotation";
import { DEFAULT_MIN_SCORE, MIN_SEARCH_RADIUS } from "./types";

/**
 * Property test: random annotations on the seed texts, random single edits (insertions, deletions,
 * replacements with Latin, Cyrillic, curly quotes and astral characters, and copies of neighbouring
 * text), placed anywhere but mostly on or near the annotation.
 */
const corpusDir = path.join(import.meta.dirname, "../../seeds/corpus");
const seeds = fs
  .readdirSync(corpusDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => fs.readFileSync(path.join(corpusDir, name), "utf8").trim());

const NUM_RUNS = 3000;
const counts = { cases: 0, untouched: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };

const UNITS = ["a", "e", "t", "n", " ", " ", ".", ",", "\n", "1", "о", "е", "с", "т", "Д", "ж", "ё", "“", "”", "‘", "’", "«", "»", "—", "𝔄"];
const WORDS = ["the ", "Lenin ", "Сталин ", "съезд ", "“NEP” ", "‘war communism’ ", "of the ", "и "];
const insertedText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...UNITS), weight: 3 }, { arbitrary: fc.constantFrom(...WORDS), weight: 1 }), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join(""));

type EditSpec =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "replace"; at: number; length: number; text: string }
  | { kind: "copy-before" | "copy-after"; at: number; length: number };

/** Where an edit lands: relative to the annotation's start most of the time, anywhere otherwise. */
const place = fc.oneof({ arbitrary: fc.integer({ min: -80, max: 280 }).map((offset) => ({ near: true, offset })), weight: 4 }, { arbitrary: fc.nat().map((offset) => ({ near: false, offset })), weight: 1 });
const editSpec = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), place, text: insertedText }),
  fc.record({ kind: fc.constant("delete" as const), place, length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("replace" as const), place, length: fc.integer({ min: 1, max: 120 }), text: insertedText }),
  fc.record({ kind: fc.constantFrom("copy-before" as const, "copy-after" as const), place, length: fc.integer({ min: 1, max: 12 }) }),
);

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

describe("reanchorAnnotation on random edits of the seed texts", () => {
  afterAll(() => {
    console.log(
      `reanchor fuzz: ${counts.cases} cases (${counts.untouched} untouched by the edit; results: ${counts.exact} exact, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned)`,
    );
  });

  it("keeps untouched annotations exact, never moves one far or onto dissimilar words, and never throws", () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.nat(), fc.integer({ min: 3, max: 200 }), editSpec, (doc, rawStart, length, spec) => {
        const old = seeds[doc] ?? "";
        const s = rawStart % (old.length - length);
        const e = s + length;
        const selectors = describeRange(old, s, e);
        const at = Math.min(old.length, Math.max(0, spec.place.near ? s + spec.place.offset : spec.place.offset % (old.length + 1)));
        const edit: EditSpec =
          spec.kind === "insert"
            ? { kind: "insert", at, text: spec.text }
            : spec.kind === "replace"
              ? { kind: "replace", at, length: spec.length, text: spec.text }
              : spec.kind === "delete"
                ? { kind: "delete", at, length: spec.length }
                : { kind: spec.kind, at, length: spec.length };
        // The edit as old [p, q) → inserted.
        const p = at;
        const q = edit.kind === "delete" || edit.kind === "replace" ? Math.min(old.length, at + edit.length) : at;
        const inserted =
          edit.kind === "insert" || edit.kind === "replace"
            ? edit.text
            : edit.kind === "copy-before"
              ? old.slice(Math.max(0, at - edit.length), at)
              : edit.kind === "copy-after"
                ? old.slice(at, at + edit.length)
                : "";
        const newText = old.slice(0, p) + inserted + old.slice(q);
        const delta = newText.length - old.length;
        counts.cases += 1;

        const result = reanchorAnnotation(old, newText, selectors);
        counts[result.status] += 1;

        const touched = p === q ? p > s && p < e : p < e && q > s;
        if (!touched) {
          counts.untouched += 1;
          // Where the edit put the quote. A repeated insertion or deletion ("the the") can be read as
          // made at other places too; where that reading leaves the quote on the other side of it,
          // that position is right as well. Both readings are derived from the common start and end.
          const truePosition = (p === q ? s >= p : s >= q) ? s + delta : s;
          const prefix = commonPrefixLength(old, newText);
          const suffix = Math.min(commonSuffixLength(old, newText), Math.min(old.length, newText.length));
          const allowed = new Set<number>();
          if (prefix >= e) allowed.add(s);
          if (old.length - suffix <= s) allowed.add(s + delta);
          expect(allowed.has(truePosition)).toBe(true);
          expect(result.status).toBe("exact");
          expect(result.selectors?.quote.exact).toBe(selectors.quote.exact);
          expect(allowed.has(result.selectors?.position.start ?? -1)).toBe(true);
        }

        if (result.status !== "orphaned") {
          const found = result.selectors;
          expect(found).toBeDefined();
          if (!found) return;
          const { start, end } = found.position;
          expect(0 <= start && start < end && end <= newText.length).toBe(true);
          expect(found.quote.exact).toBe(newText.slice(start, end));
          const similarity = 1 - levenshtein(found.quote.exact, selectors.quote.exact) / length;
          expect(similarity).toBeGreaterThanOrEqual(DEFAULT_MIN_SCORE);
          // Near where the edit put the annotation: within the search window, widened by the edit's
          // own size — unless the very same passage, context and all, was found elsewhere.
          const expectedStart = p === q ? (s >= p ? s + delta : s) : s >= q ? s + delta : s > p ? p + inserted.length : s;
          const reach = Math.max(MIN_SEARCH_RADIUS, 4 * length) + Math.max(inserted.length, q - p) + length;
          const near = Math.abs(start - expectedStart) <= reach;
          const samePassage =
            found.quote.exact === selectors.quote.exact &&
            newText.slice(start - selectors.quote.prefix.length, start) === selectors.quote.prefix &&
            newText.slice(end, end + selectors.quote.suffix.length) === selectors.quote.suffix;
          expect(near || samePassage).toBe(true);
        }
      }),
      { seed: 20_251_218, numRuns: NUM_RUNS },
    );
    expect(counts.cases).toBe(NUM_RUNS);
  });
});
