import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeRange } from "./describe-range";
import { diffTexts } from "./map-offset-through-edit";
import { reanchorAnnotation } from "./reanchor-annotation";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();
const text = seed("003_4eaebc00246cf3d8.txt");

const annotate = (source: string, exact: string) => {
  const at = source.indexOf(exact);
  if (at < 0) throw new Error(`"${exact}" not found`);
  return describeRange(source, at, at + exact.length);
};
const splice = (source: string, at: number, remove: number, insert: string) => source.slice(0, at) + insert + source.slice(at + remove);

describe("reanchorAnnotation", () => {
  const selectors = annotate(text, "‘war communism’");
  const { start, end } = selectors.position;

  it("keeps an annotation before the edit where it was", () => {
    const edited = splice(text, end + 500, 0, "Новая фраза. ");
    expect(reanchorAnnotation(text, edited, selectors)).toEqual({ status: "exact", selectors, score: 1 });
  });

  it("shifts an annotation after the edit and refreshes its context", () => {
    const edited = splice(text, start - 3, 0, "«вставка» ");
    const result = reanchorAnnotation(text, edited, selectors, diffTexts(text, edited));
    expect(result.status).toBe("exact");
    expect(result.selectors).toEqual(describeRange(edited, start + 10, end + 10));
    expect(result.selectors?.quote.prefix).toContain("«вставка»");
  });

  it("is exact when the insertion repeats the words before the annotation", () => {
    // Inserting "the " before "the label" reads the same as inserting it after "the ": the quote is untouched.
    const quoted = annotate(text, "the label ‘war communism’");
    const edited = splice(text, quoted.position.start, 0, "the ");
    const result = reanchorAnnotation(text, edited, quoted);
    expect(result).toMatchObject({ status: "exact", score: 1 });
    expect(result.selectors?.position.start).toBe(quoted.position.start + 4);
  });

  it("follows an edit inside the quote approximately, quoting the new text", () => {
    const quoted = annotate(text, "The set of economic relationships that came into being during this era");
    const at = quoted.position.start + "The set of economic".length;
    const edited = splice(text, at, " relationships".length, " relations");
    const result = reanchorAnnotation(text, edited, quoted);
    expect(result.status).toBe("fuzzy");
    expect(result.selectors?.quote.exact).toBe("The set of economic relations that came into being during this era");
    expect(result.score).toBeGreaterThan(0.9);
  });

  it("orphans an annotation whose words were deleted, keeping no new selectors", () => {
    const edited = splice(text, start - 10, end - start + 20, "");
    expect(reanchorAnnotation(text, edited, selectors)).toMatchObject({ status: "orphaned" });
    expect(reanchorAnnotation(text, edited, selectors).selectors).toBeUndefined();
  });

  it("finds annotations between two edits far apart, which form one changed region", () => {
    const middle = annotate(text, "Lenin described these as measures");
    let edited = splice(text, 40_000, 0, "[страница 17] ");
    edited = splice(edited, 100, 0, "[страница 1] ");
    const edit = diffTexts(text, edited);
    expect(edit.changedFrom).toBeLessThan(middle.position.start);
    expect(edit.changedTo).toBeGreaterThan(middle.position.end);
    const result = reanchorAnnotation(text, edited, middle, edit);
    expect(result.status).toBe("moved");
    expect(result.selectors?.position.start).toBe(middle.position.start + 13);
  });

  it("re-anchors Cyrillic with a changed letter", () => {
    const source = "Четырнадцатый съезд ВКП(б) проходил с 18 по 31 декабря 1925 года в Москве.";
    const quoted = annotate(source, "съезд ВКП(б) проходил с 18 по 31 декабря");
    const edited = source.replace("ВКП(б)", "ВКП (б)").replace("проходил", "проходѝл");
    const result = reanchorAnnotation(source, edited, quoted);
    expect(result.status).toBe("fuzzy");
    expect(result.selectors?.quote.exact).toBe("съезд ВКП (б) проходѝл с 18 по 31 декабря");
  });

  it("does not throw on stale offsets", () => {
    const stale = { ...selectors, position: { start: text.length + 50, end: text.length + 80 } };
    const edited = splice(text, 10, 0, "x");
    expect(reanchorAnnotation(text, edited, stale)).toMatchObject({ status: "moved" });
  });

  describe("never widens a highlight into words it did not cover (issue 16)", () => {
    /** Old span ∪ edited region, mapped through the edit: where a re-anchored span may lie. */
    const allowed = (start: number, end: number, at: number, removed: number, inserted: number) => ({ lo: Math.min(start, at), hi: end >= at + removed ? end + inserted - removed : at + inserted });

    it("does not reach back into the sentence before when a delete removed the quote's first letters", () => {
      const source = "The April Conference of 1925 had already decided. Now new was decided on the economy: the congress only confirmed it.";
      const quoted = annotate(source, "new was decided on the economy:");
      const at = source.indexOf(" Now new w");
      const edited = splice(source, at, " Now new w".length, "");
      const result = reanchorAnnotation(source, edited, quoted);
      // It used to become "ded.as decided on the economy:", the end of "already decided." in front.
      expect(result.selectors?.quote.exact).not.toContain("ded.");
      expect(result).toMatchObject({ status: "fuzzy", selectors: { quote: { exact: "as decided on the economy:" } } });
      const window = allowed(quoted.position.start, quoted.position.end, at, " Now new w".length, 0);
      expect(result.selectors?.position.start).toBeGreaterThanOrEqual(window.lo);
      expect(result.selectors?.position.end).toBeLessThanOrEqual(window.hi);
    });

    it("does not take in the end of a word a replace left just before the quote", () => {
      const source = "Around the Fourteenth Congress grew an authoritative apparatus: the reference books round it.… Later came the memoirs.";
      const quoted = annotate(source, "the reference books round it.…");
      const at = source.indexOf("apparatus: the");
      const edited = splice(source, at, "apparatus: the".length, "narrative");
      const result = reanchorAnnotation(source, edited, quoted);
      // It used to become "tive reference books round it.…", cutting "narrative" in two.
      expect(result.selectors?.quote.exact).not.toContain("tive");
      expect(result).toMatchObject({ status: "fuzzy", selectors: { quote: { exact: "reference books round it.…" } } });
      const window = allowed(quoted.position.start, quoted.position.end, at, "apparatus: the".length, "narrative".length);
      expect(result.selectors?.position.start).toBeGreaterThanOrEqual(window.lo);
      expect(result.selectors?.position.end).toBeLessThanOrEqual(window.hi);
    });

    it("keeps a boundary the reader placed inside a word", () => {
      const source = "The delegates spoke of ‘war communism’ and of the New Economic Policy.";
      const quoted = annotate(source, "communism’ and of the New Eco");
      const edited = source.replace("and of", "and, of");
      const result = reanchorAnnotation(source, edited, quoted);
      expect(result).toMatchObject({ status: "fuzzy", selectors: { quote: { exact: "communism’ and, of the New Eco" } } });
    });

    it("still finds a passage moved whole inside the edited region", () => {
      const first = "Stalin opened the congress with the political report of the Central Committee.";
      const second = "Zinoviev demanded a co-report, which the delegates granted after a long debate on it.";
      const source = `${first}\n\n${second}\n\nThe sessions ran until the last day of December.`;
      const quoted = annotate(source, "the political report of the Central Committee");
      const edited = `${second}\n\n${first}\n\nThe sessions ran until the last day of December.`;
      const result = reanchorAnnotation(source, edited, quoted);
      expect(result).toMatchObject({ status: "moved", selectors: { position: { start: edited.indexOf(quoted.quote.exact) }, quote: { exact: "the political report of the Central Committee" } } });
    });
  });
});
