import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorSelectors, type AnchorResult } from "./anchor-selectors";
import { describeRange } from "./describe-range";
import type { TextSelectors } from "./types";

const seed = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../seeds/corpus", name), "utf8").trim();
const text000 = seed("000_3bfd30e444a00120.txt");
const text003 = seed("003_4eaebc00246cf3d8.txt");
const text004 = seed("004_3c134294780b8f8c.txt");

/** Selectors for the `occurrence`-th (0-based) appearance of `exact` in `text`. */
function selectorsFor(text: string, exact: string, occurrence = 0): TextSelectors {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" not found`);
  return describeRange(text, at, at + exact.length);
}

function span(text: string, result: AnchorResult): string | undefined {
  return result.status === "orphaned" ? undefined : text.slice(result.start, result.end);
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0) throw new Error(`"${search}" not found`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

describe("anchorSelectors", () => {
  it("is exact where the text at the position still reads the quote", () => {
    const selectors = selectorsFor(text003, "‘war communism’");
    expect(anchorSelectors(text003, selectors)).toEqual({ status: "exact", ...selectors.position, score: 1 });
  });

  it("finds the quote moved by an insertion before it", () => {
    const selectors = selectorsFor(text003, "Lenin’s government to develop the nonmarket economy");
    const edited = `A new opening paragraph, added by the editor.\n\n${text003}`;
    const result = anchorSelectors(edited, selectors);
    expect(result).toMatchObject({ status: "moved", start: selectors.position.start + 47, score: 1 });
  });

  it("takes the occurrence whose context agrees, not the one nearest the hint", () => {
    // Seed 004 repeats its title as a heading; the annotation is on the heading.
    const selectors = selectorsFor(text004, "About the discussion: Interview with Rost correspondent", 1);
    const shifted = { ...selectors, position: { start: 3, end: 3 + selectors.quote.exact.length } };
    const result = anchorSelectors(text004, shifted, { hint: 0 });
    expect(result).toMatchObject({ status: "moved", start: selectors.position.start });
  });

  it("breaks a tie in context by distance from the hint", () => {
    const text = "— Ура! — Ура! — Ура! — Ура!";
    const selectors: TextSelectors = { position: { start: 0, end: 0 }, quote: { exact: "Ура!", prefix: "— ", suffix: " — " } };
    expect(anchorSelectors(text, selectors, { hint: 9 })).toMatchObject({ status: "moved", start: 9 });
    expect(anchorSelectors(text, selectors, { hint: 15 })).toMatchObject({ status: "moved", start: 16 });
  });

  it("orphans a short word rather than move it onto the same word elsewhere", () => {
    // "Stalin" also occurs nearby, but in other company.
    const selectors = selectorsFor(text000, "Stalin");
    const edited = replaceOnce(text000, "Joseph Stalin, General", "Iosif Dzhugashvili, General");
    expect(edited.includes("Stalin")).toBe(true);
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("orphaned");
    expect(result.score).toBeLessThan(0.9);
  });

  it("moves a short word whose context came along", () => {
    const selectors = selectorsFor(text000, "Stalin");
    const edited = replaceOnce(text000, "[3] Following", "[3] After a long delay and following");
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("moved");
    expect(span(edited, result)).toBe("Stalin");
    expect(result.status !== "orphaned" && result.start).toBe(edited.indexOf("Joseph Stalin") + 7);
  });

  it("matches a corrected spelling approximately", () => {
    const exact = "declaration of intent to pursue rapid industrialisation of the Soviet Union";
    const selectors = selectorsFor(text000, exact);
    const edited = replaceOnce(text000, "rapid industrialisation", "rapid industrialization");
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("fuzzy");
    expect(span(edited, result)).toBe(exact.replace("isation", "ization"));
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.score).toBeLessThan(1);
  });

  it("matches Cyrillic text with curly quotes approximately", () => {
    const text = "Съезд открылся 18 декабря 1925 года. Доклад «О политическом отчёте ЦК» сделал Сталин. Затем выступили Зиновьев и Каменев.";
    const selectors = selectorsFor(text, "Доклад «О политическом отчёте ЦК» сделал Сталин");
    const edited = text.replace("Доклад «О политическом отчёте ЦК»", "Доклад “О политическом отчете ЦК”");
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("fuzzy");
    expect(span(edited, result)).toBe("Доклад “О политическом отчете ЦК” сделал Сталин");
  });

  it("orphans a quote rewritten beyond the minimum score, and reports the best score seen", () => {
    const exact = "The congress is best remembered for its declaration of intent";
    const selectors = selectorsFor(text000, exact);
    const edited = replaceOnce(text000, exact, "Historians chiefly recall the congress for its declared intent");
    const result = anchorSelectors(edited, selectors);
    expect(result.status).toBe("orphaned");
    expect(result.score).toBeLessThan(0.75);
  });

  it("honours a stricter minimum score", () => {
    const exact = "declaration of intent to pursue rapid industrialisation";
    const selectors = selectorsFor(text000, exact);
    const edited = replaceOnce(text000, "of intent to pursue rapid", "of intention to pursue swift");
    expect(anchorSelectors(edited, selectors).status).toBe("fuzzy");
    expect(anchorSelectors(edited, selectors, { minScore: 0.95 }).status).toBe("orphaned");
  });

  it("does not match short quotes approximately", () => {
    const text = "Лит.: История ВКП(б). М., 1945.";
    const selectors = selectorsFor(text, "Лит");
    expect(anchorSelectors(text.replace("Лит", "Лит").replace("Лит.", "Лыт."), selectors).status).toBe("orphaned");
  });

  it("searches approximately only within the window around the hint", () => {
    const exact = "the Political Report of the Central Committee, was delivered by Joseph Stalin";
    const selectors = selectorsFor(text000, exact);
    const edited = `${"Filler line of an unrelated preface.\n".repeat(300)}${replaceOnce(text000, "Political Report", "Political report")}`;
    expect(edited.length).toBeGreaterThan(selectors.position.start + 10_000);
    expect(anchorSelectors(edited, selectors).status).toBe("orphaned");
    expect(anchorSelectors(edited, selectors, { window: 20_000 }).status).toBe("fuzzy");
  });

  it("takes nothing outside `within`: no copy of the quote, no neighbouring letters, no word cut in two", () => {
    const text = "Zinoviev spoke first. The Leningrad delegation stood with Zinoviev to the end; the Leningrad delegation stood with Zinoviev to the end, wrote Pravda.";
    const exact = "Leningrad delegation stood with Zinoviev to the end";
    const selectors = selectorsFor(text, exact);
    // The first copy lost "Leningrad "; the second, untouched, lies outside the bounds.
    const edited = text.replace("The Leningrad delegation", "The delegation");
    const lo = edited.indexOf("The delegation");
    const within = { lo: lo + 2, hi: lo + "The delegation stood with Zinoviev to the end".length };
    expect(anchorSelectors(edited, selectors)).toMatchObject({ status: "moved", start: edited.lastIndexOf(exact) });
    const result = anchorSelectors(edited, selectors, { within });
    expect(result.status).toBe("fuzzy");
    // "e delegation…" would start inside "The": the match starts at the next whole word instead.
    expect(span(edited, result)).toBe("delegation stood with Zinoviev to the end");
    expect(anchorSelectors(edited, selectors, { within: { lo: 0, hi: lo } })).toMatchObject({ status: "orphaned" });
  });

  it("finds a passage moved far away whole, with its context", () => {
    const exact = "the Political Report of the Central Committee";
    const selectors = selectorsFor(text000, exact);
    const edited = `${"Filler line of an unrelated preface.\n".repeat(300)}${text000}`;
    expect(anchorSelectors(edited, selectors)).toMatchObject({ status: "moved", start: selectors.position.start + 300 * 37, score: 1 });
  });

  it("never returns a match that splits an astral character", () => {
    const text = "Fraktur 𝔄𝔅ℭ𝔇𝔈𝔉 letters in a heading";
    const selectors = describeRange(text, 8, 19);
    const edited = text.replace("𝔄", "𝔊");
    const result = anchorSelectors(edited, selectors, { minScore: 0.5 });
    expect(result.status).toBe("fuzzy");
    if (result.status === "orphaned") return;
    expect(span(edited, result)).toBe("𝔊𝔅ℭ𝔇𝔈𝔉");
  });

  it("matches a long quote by its ends and checks the middle", () => {
    const start = text003.indexOf("But their true nature");
    const selectors = describeRange(text003, start, start + 3000);
    const quote = selectors.quote.exact;
    const touched = quote.replace("monetary system", "money system").replace("Peasants", "The peasants");
    const edited = `Preface.\n\n${text003.slice(0, start)}${touched}${text003.slice(start + 3000)}`;
    const result = anchorSelectors(edited, selectors);
    expect(result).toMatchObject({ status: "fuzzy", start: start + 10, end: start + 10 + touched.length });
    expect(result.score).toBeGreaterThan(0.99);

    const middle = 1000;
    const gutted = `${quote.slice(0, middle)}${"x".repeat(1000)}${quote.slice(2 * middle)}`;
    const ruined = `${text003.slice(0, start)}${gutted}${text003.slice(start + 3000)}`;
    const orphan = anchorSelectors(ruined, selectors);
    expect(orphan.status).toBe("orphaned");
  });

  it("completes a fuzzy search in a 1 MB text", () => {
    // Words of seed 003 in a seeded random order: real vocabulary, no two long passages alike.
    const words = text003.split(/\s+/);
    let state = 12345;
    const random = () => {
      // mulberry32
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const parts: string[] = [];
    for (let length = 0; length < 1_000_000; ) {
      const word = words[Math.floor(random() * words.length)] ?? "";
      parts.push(word);
      length += word.length + 1;
    }
    const big = parts.join(" ");
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const at = big.indexOf(" the ", 900_000) + 1;
    const short = describeRange(big, at, at + 120);
    const long = describeRange(big, at - 20_000, at);
    const edited = `${big.slice(0, at - 10_000)}[inserted words]${big.slice(at - 10_000, at + 3)}-${big.slice(at + 3)}`;
    expect(anchorSelectors(edited, short)).toMatchObject({ status: "fuzzy", start: at + 16, end: at + 16 + 121 });
    expect(anchorSelectors(edited, long)).toMatchObject({ status: "fuzzy", start: at - 20_000, end: at + 16 });
    // "the" occurs thousands of times; gone from its place, it is not moved to any of them.
    const word = describeRange(big, at, at + 3);
    expect(anchorSelectors(`${big.slice(0, at)}THE${big.slice(at + 3)}`, word).status).toBe("orphaned");
  });

  it("orphans an empty quote and refuses bad options", () => {
    const selectors: TextSelectors = { position: { start: 0, end: 0 }, quote: { exact: "", prefix: "", suffix: "" } };
    expect(anchorSelectors(text000, selectors)).toEqual({ status: "orphaned", score: 0 });
    const some = selectorsFor(text000, "Stalin");
    expect(() => anchorSelectors(text000, some, { minScore: 0 })).toThrow(RangeError);
    expect(() => anchorSelectors(text000, some, { minScore: 1.5 })).toThrow(RangeError);
    expect(() => anchorSelectors(text000, some, { window: -1 })).toThrow(RangeError);
  });
});
