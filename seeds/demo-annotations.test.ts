import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normaliseDocumentText } from "../lib/documents/read-document-text";
import { PTC_18_TECHNIQUES } from "../lib/taxonomy/propaganda-techniques";
import type { DemoAnnotation } from "./demo-annotations";
import { DEMO_ANNOTATIONS, DEMO_LINKS, locateDemoAnnotation } from "./demo-annotations";

const corpusDir = path.join(import.meta.dirname, "corpus");
const manifest = JSON.parse(fs.readFileSync(path.join(corpusDir, "manifest.json"), "utf8")) as { documents: { file: string }[] };
const manifestFiles = manifest.documents.map((d) => d.file);

/** Each seed document's text as the workbench stores it: trimmed, line endings normalised. */
const texts = new Map(manifestFiles.map((file) => [file, normaliseDocumentText(fs.readFileSync(path.join(corpusDir, file), "utf8"))]));

const byKey = new Map(DEMO_ANNOTATIONS.map((a) => [a.key, a]));
const techniqueSlugs = new Set(PTC_18_TECHNIQUES.map((t) => t.slug));

function textOf(a: DemoAnnotation): string {
  const text = texts.get(a.file);
  if (text === undefined) throw new Error(`no text for ${a.file}`);
  return text;
}

function countMatches(text: string, exact: string): number {
  let count = 0;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) count += 1;
  return count;
}

function annotation(key: string): DemoAnnotation {
  const a = byKey.get(key);
  if (!a) throw new Error(`no annotation ${key}`);
  return a;
}

describe("DEMO_ANNOTATIONS", () => {
  it("has a reasonable number of annotations and covers all five documents", () => {
    expect(DEMO_ANNOTATIONS.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_ANNOTATIONS.length).toBeLessThanOrEqual(50);
    expect(new Set(DEMO_ANNOTATIONS.map((a) => a.file))).toEqual(new Set(manifestFiles));
  });

  it("has unique keys, each prefixed with its document's number", () => {
    expect(byKey.size).toBe(DEMO_ANNOTATIONS.length);
    for (const a of DEMO_ANNOTATIONS) {
      expect(a.key, a.key).toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.file.slice(0, 3), a.key).toBe(a.key.slice(0, 3));
    }
  });

  it.each(DEMO_ANNOTATIONS.map((a) => [a.key, a] as const))("%s quotes its document exactly", (_key, a) => {
    expect(manifestFiles).toContain(a.file);
    expect(a.exact.length).toBeGreaterThanOrEqual(2);
    expect(a.exact.length).toBeLessThanOrEqual(600);
    expect(a.exact).toBe(a.exact.trim());
    const occurrence = a.occurrence ?? 0;
    expect(Number.isInteger(occurrence) && occurrence >= 0).toBe(true);
    const text = textOf(a);
    expect(countMatches(text, a.exact)).toBeGreaterThanOrEqual(occurrence + 1);
    const { start, end } = locateDemoAnnotation(text, a);
    expect(text.slice(start, end)).toBe(a.exact);
  });

  it("uses `occurrence` only where the span is ambiguous", () => {
    for (const a of DEMO_ANNOTATIONS) {
      if (a.occurrence !== undefined) expect(countMatches(textOf(a), a.exact), a.key).toBeGreaterThan(1);
    }
  });

  it("keeps kind-specific fields consistent", () => {
    for (const a of DEMO_ANNOTATIONS) {
      expect(a.note.trim().length, a.key).toBeGreaterThan(10);
      if (a.kind === "BIAS_MARKER") {
        expect(a.technique, a.key).toBeDefined();
        expect(techniqueSlugs.has(a.technique ?? ""), `${a.key}: ${a.technique}`).toBe(true);
      } else {
        expect(a.technique, a.key).toBeUndefined();
      }
      if (a.kind === "CLAIM") {
        expect(["UNVERIFIED", "CORROBORATED", "DISPUTED", "REFUTED"], a.key).toContain(a.verdict);
        expect(Number.isInteger(a.confidence), a.key).toBe(true);
        expect(a.confidence, a.key).toBeGreaterThanOrEqual(0);
        expect(a.confidence, a.key).toBeLessThanOrEqual(100);
      } else {
        expect(a.verdict, a.key).toBeUndefined();
        expect(a.confidence, a.key).toBeUndefined();
      }
    }
  });

  it("shows each annotation kind, bias markers in 002 and 004, and the spans named in the domain brief", () => {
    const kinds = new Set(DEMO_ANNOTATIONS.map((a) => a.kind));
    expect(kinds).toEqual(new Set(["CLAIM", "BIAS_MARKER", "CONTRADICTION"]));
    const biasFiles = new Set(DEMO_ANNOTATIONS.filter((a) => a.kind === "BIAS_MARKER").map((a) => a.file.slice(0, 3)));
    expect(biasFiles.has("002") && biasFiles.has("004")).toBe(true);
    const spans002 = new Set(DEMO_ANNOTATIONS.filter((a) => a.file.startsWith("002")).map((a) => a.exact.toLowerCase()));
    for (const phrase of ["beloved leader", "the best sons of the party", "generals without an army", "whining", "capitulatory plans", "the party of capitalist restoration"]) {
      expect(spans002.has(phrase), phrase).toBe(true);
    }
    expect(DEMO_ANNOTATIONS.some((a) => a.file.startsWith("004") && a.kind === "CLAIM" && a.exact.includes("more than 90%"))).toBe(true);
  });

  it("has at least one pair of overlapping annotations in the same document", () => {
    const ranges = DEMO_ANNOTATIONS.map((a) => ({ a, ...locateDemoAnnotation(textOf(a), a) }));
    const overlapping = ranges.flatMap((x, i) =>
      ranges.slice(i + 1).filter((y) => y.a.file === x.a.file && x.start < y.end && y.start < x.end).map((y) => [x.a.key, y.a.key]),
    );
    expect(overlapping.length).toBeGreaterThanOrEqual(1);
    // A loaded phrase inside a claim, as the domain brief describes.
    expect(
      ranges.some((x) => x.a.kind === "CLAIM" && ranges.some((y) => y.a.kind === "BIAS_MARKER" && y.a.file === x.a.file && x.start <= y.start && y.end <= x.end)),
    ).toBe(true);
  });
});

describe("DEMO_LINKS", () => {
  it("references existing annotations, never itself, without duplicates", () => {
    const seen = new Set<string>();
    for (const link of DEMO_LINKS) {
      expect(byKey.has(link.from), link.from).toBe(true);
      expect(byKey.has(link.to), link.to).toBe(true);
      expect(link.from).not.toBe(link.to);
      const id = `${link.from}|${link.to}|${link.type}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
      expect(link.note.trim().length, id).toBeGreaterThan(10);
    }
  });

  it("gives every contradiction a verdict and a rationale, and only contradictions", () => {
    for (const link of DEMO_LINKS) {
      const id = `${link.from} → ${link.to}`;
      if (link.type === "CONTRADICTS") {
        expect(["UNRESOLVED", "FIRST_MORE_RELIABLE", "SECOND_MORE_RELIABLE", "BOTH_WRONG", "NOT_A_CONTRADICTION"], id).toContain(link.verdict);
        expect(link.verdictRationale?.trim().length ?? 0, id).toBeGreaterThan(10);
      } else {
        expect(link.verdict, id).toBeUndefined();
        expect(link.verdictRationale, id).toBeUndefined();
      }
    }
  });

  it("has contradictions across documents and within one, including the two from the domain brief", () => {
    const contradictions = DEMO_LINKS.filter((l) => l.type === "CONTRADICTS");
    const cross = contradictions.filter((l) => annotation(l.from).file !== annotation(l.to).file);
    const within = contradictions.filter((l) => annotation(l.from).file === annotation(l.to).file);
    expect(cross.length).toBeGreaterThanOrEqual(3);
    expect(within.length).toBeGreaterThanOrEqual(1);
    expect(contradictions.some((l) => l.verdict === "UNRESOLVED")).toBe(true);

    // 002 or 001 ("congress of industrialisation") against 003 (the April 1925 Conference decided).
    const files = (l: (typeof DEMO_LINKS)[number]) => [annotation(l.from).file.slice(0, 3), annotation(l.to).file.slice(0, 3)].sort().join("-");
    expect(cross.some((l) => ["002-003", "001-003"].includes(files(l)) && [l.from, l.to].some((k) => annotation(k).exact.includes("Conference")))).toBe(true);
    // 003's 5.2 million against its own footnote 18's 3 million.
    expect(within.some((l) => files(l) === "003-003" && annotation(l.from).exact.includes("5.2 million") && annotation(l.to).exact.includes("3 million"))).toBe(true);
  });

  it("links every CONTRADICTION annotation through at least one CONTRADICTS link", () => {
    const contradicting = new Set(DEMO_LINKS.filter((l) => l.type === "CONTRADICTS").flatMap((l) => [l.from, l.to]));
    for (const a of DEMO_ANNOTATIONS.filter((x) => x.kind === "CONTRADICTION")) expect(contradicting.has(a.key), a.key).toBe(true);
  });
});

describe("locateDemoAnnotation", () => {
  const base: DemoAnnotation = { key: "test-span", file: "test.txt", exact: "ab", kind: "CLAIM", verdict: "UNVERIFIED", confidence: 50, note: "A test span." };

  it("finds the first match by default", () => {
    expect(locateDemoAnnotation("xxabyyab", base)).toEqual({ start: 2, end: 4 });
  });

  it("finds the nth match when an occurrence is given", () => {
    expect(locateDemoAnnotation("xxabyyab", { ...base, occurrence: 1 })).toEqual({ start: 6, end: 8 });
  });

  it("counts overlapping matches", () => {
    expect(locateDemoAnnotation("aaaa", { ...base, exact: "aa", occurrence: 2 })).toEqual({ start: 2, end: 4 });
  });

  it("throws an Error naming the key when the span is missing or the occurrence is too high", () => {
    expect(() => locateDemoAnnotation("xxyy", base)).toThrow(/test-span/);
    expect(() => locateDemoAnnotation("xxabyy", { ...base, occurrence: 1 })).toThrow(/test-span/);
    expect(() => locateDemoAnnotation("xxabyy", { ...base, occurrence: -1 })).toThrow(/test-span/);
    expect(() => locateDemoAnnotation("xxabyy", { ...base, exact: "" })).toThrow(/test-span/);
  });

  it("places a real demo annotation on its document", () => {
    const a = annotation("002-under-the-leadership-repetition");
    const text = textOf(a);
    const first = locateDemoAnnotation(text, { ...a, occurrence: 0 });
    const second = locateDemoAnnotation(text, a);
    expect(second.start).toBeGreaterThan(first.start);
    expect(text.slice(second.start, second.end)).toBe("Under the leadership of Comrade Stalin");
  });
});
