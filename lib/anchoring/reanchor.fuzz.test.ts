import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { describeRange } from "./describe-range";
import { diffTexts } from "./map-offset-through-edit";
import { reanchorAnnotation } from "./reanchor-annotation";
import { splitsSurrogatePair } from "./splits-surrogate-pair";
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
const SEED = 20_251_218;
const counts = { cases: 0, untouched: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };

/**
 * The invariant of issue 16, checked on every re-anchored annotation of both properties: it lies
 * within its old span ∪ the edited region (old [p, q) became `insertedLength` characters), mapped
 * through the edit. When span and region do not meet, that is the old span, shifted. Where the text
 * around an edit repeats ("14th" copied after "14th"), the same change reads as made at another
 * place too; the shortest reading (between the texts' common start and common end) counts as well.
 */
const containment = { checks: 0, orphans: 0, followed: 0, violations: 0, seeds: [] as number[] };
function allowedSpan(s: number, e: number, p: number, q: number, insertedLength: number): { lo: number; hi: number } {
  const delta = insertedLength - (q - p);
  const shift = (offset: number) => (offset >= q ? offset + delta : offset);
  if (p > e || q < s) return { lo: shift(s), hi: shift(e) };
  return { lo: Math.min(s, p), hi: e >= q ? e + delta : p + insertedLength };
}
function checkContainment(result: ReturnType<typeof reanchorAnnotation>, old: string, newText: string, s: number, e: number, p: number, q: number, insertedLength: number) {
  containment.checks += 1;
  if (result.status === "orphaned" || !result.selectors) {
    containment.orphans += 1;
    return;
  }
  const touched = p === q ? p > s && p < e : p < e && q > s;
  if (touched) containment.followed += 1;
  const { start, end } = result.selectors.position;
  const within = ({ lo, hi }: { lo: number; hi: number }) => start >= lo && end <= hi;
  const prefix = commonPrefixLength(old, newText);
  const suffix = Math.min(commonSuffixLength(old, newText), Math.min(old.length, newText.length) - prefix);
  const shortest = allowedSpan(s, e, prefix, old.length - suffix, newText.length - suffix - prefix);
  const inside = within(allowedSpan(s, e, p, q, insertedLength)) || within(shortest);
  if (!inside) {
    containment.violations += 1;
    if (containment.violations < 4) console.log(JSON.stringify({ s, e, p, q, insertedLength, span: old.slice(s, e), removed: old.slice(p, q), inserted: newText.slice(p, p + insertedLength), around: old.slice(s - 40, e + 40), status: result.status, start, end, got: newText.slice(start, end), newAround: newText.slice(start - 40, end + 40) }, null, 1));
  }
  expect({ start, end, inside }).toEqual({ start, end, inside: true });
}

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
        checkContainment(result, old, newText, s, e, p, q, inserted.length);

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
      { seed: SEED, numRuns: NUM_RUNS },
    );
    containment.seeds.push(SEED);
    expect(counts.cases).toBe(NUM_RUNS);
  });
});

/**
 * Issue 16: re-anchoring never widens a highlight into words it did not cover. Each run makes one
 * random edit (insert, delete, replace, copy of neighbouring text, or a moved passage) to a seed text
 * mixed with Cyrillic and astral characters, and re-anchors a dozen annotations placed around it;
 * every one that stays anchored must lie within its old span ∪ the edited region (checkContainment).
 */
const MIXED_SEEDS = [20_261_202, 16_160_016];
const MIXED_RUNS = 450;
const ANNOTATIONS_PER_EDIT = 12;

/** A seed text with Cyrillic words and astral letters woven in after every fifth sentence. */
const mixedSeeds = seeds.map((text) => {
  let sentence = 0;
  return text.replace(/\. /g, (stop) => {
    sentence += 1;
    return sentence % 5 === 0 ? (sentence % 10 === 0 ? ". 𝔄𝔅 съезд партии — " : ". Решение 𝔖 ") : stop;
  });
});

const wholeOffset = (text: string, offset: number) => (splitsSurrogatePair(text, offset) ? offset - 1 : offset);

const mixedEdit = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), text: insertedText }),
  fc.record({ kind: fc.constant("delete" as const), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("replace" as const), length: fc.integer({ min: 1, max: 120 }), text: insertedText }),
  fc.record({ kind: fc.constantFrom("copy-before" as const, "copy-after" as const), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("move" as const), length: fc.integer({ min: 20, max: 400 }), to: fc.integer({ min: -1200, max: 1200 }) }),
);

describe("reanchorAnnotation never widens an annotation into words it did not cover (issue 16)", () => {
  afterAll(() => {
    console.log(
      `reanchor containment: ${containment.checks} checks, ${containment.violations} violations, ${containment.orphans} orphans, ${containment.followed} followed an edit inside them; seeds ${containment.seeds.join(", ")}`,
    );
  });

  for (const seed of MIXED_SEEDS) {
    it(`keeps every annotation within its old span ∪ the edited region (seed ${seed})`, () => {
      fc.assert(
        fc.property(
          fc.nat({ max: mixedSeeds.length - 1 }),
          fc.nat(),
          mixedEdit,
          fc.array(fc.record({ offset: fc.integer({ min: -400, max: 400 }), length: fc.integer({ min: 3, max: 200 }) }), { minLength: ANNOTATIONS_PER_EDIT, maxLength: ANNOTATIONS_PER_EDIT }),
          (doc, rawAt, spec, spans) => {
            const old = mixedSeeds[doc] ?? "";
            const at = wholeOffset(old, rawAt % (old.length + 1));
            // The edit as old [p, q) → new [p, p + insertedLength).
            let p = at;
            let q = at;
            let newText: string;
            if (spec.kind === "move") {
              const from = wholeOffset(old, Math.min(at, old.length - spec.length));
              const until = wholeOffset(old, from + spec.length);
              const rest = old.slice(0, from) + old.slice(until);
              const target = wholeOffset(rest, Math.min(rest.length, Math.max(0, from + spec.to)));
              newText = rest.slice(0, target) + old.slice(from, until) + rest.slice(target);
              p = Math.min(from, target);
              q = Math.max(until, target + (until - from));
            } else {
              q = spec.kind === "delete" || spec.kind === "replace" ? wholeOffset(old, Math.min(old.length, at + spec.length)) : at;
              const inserted =
                spec.kind === "insert" || spec.kind === "replace"
                  ? spec.text
                  : spec.kind === "copy-before"
                    ? old.slice(wholeOffset(old, Math.max(0, at - spec.length)), at)
                    : spec.kind === "copy-after"
                      ? old.slice(at, wholeOffset(old, Math.min(old.length, at + spec.length)))
                      : "";
              newText = old.slice(0, p) + inserted + old.slice(q);
            }
            const insertedLength = newText.length - old.length + (q - p);
            if (newText === old) return;
            const edit = diffTexts(old, newText);
            for (const span of spans) {
              const s = wholeOffset(old, Math.min(old.length - 3, Math.max(0, at + span.offset)));
              const e = wholeOffset(old, Math.min(old.length, s + span.length));
              if (e <= s || !old.slice(s, e).trim()) continue;
              checkContainment(reanchorAnnotation(old, newText, describeRange(old, s, e), edit), old, newText, s, e, p, q, insertedLength);
            }
          },
        ),
        { seed, numRuns: MIXED_RUNS },
      );
      containment.seeds.push(seed);
    });
  }

  it("checked the invariant at least 10,000 times, without a violation", () => {
    expect(containment.violations).toBe(0);
    expect(containment.checks).toBeGreaterThanOrEqual(10_000);
  });
});
