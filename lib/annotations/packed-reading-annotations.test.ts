import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unstorableTextReason } from "../validations/text-rules";
import type { ReadingAnnotation } from "./annotation-view";
import { fromPackedJson, NOTE_OPENING_CHARS, noteOpening, packReadingAnnotations, toPackedJson, unpackReadingAnnotations } from "./packed-reading-annotations";

const TEXT = "The congress opened on 18 December 1925. Delegates numbered 1,306 in all — «съезд» closed on 31 December.";

const person = fc.constantFrom({ id: "u1", name: "Ada" }, { id: "u2", name: "Boris" }, { id: "u3", name: "Clio" });
const named = fc.constantFrom({ id: "t1", name: "Loaded language", colour: "#b4442c" }, { id: "t2", name: "Repetition", colour: "#8a5a9e" }, { id: "t3", name: "Sources", colour: "#5f7a4e" });
const date = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

const annotation: fc.Arbitrary<ReadingAnnotation> = fc
  .record({
    id: fc.uuid(),
    span: fc.tuple(fc.nat(TEXT.length), fc.nat(TEXT.length)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    orphan: fc.boolean(),
    otherQuote: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    kind: fc.constantFrom("CLAIM", "BIAS_MARKER", "CONTRADICTION", "CUSTOM"),
    technique: fc.option(named, { nil: null }),
    verdict: fc.option(fc.constantFrom("UNVERIFIED", "CORROBORATED", "DISPUTED", "REFUTED"), { nil: null }),
    confidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    note: fc.string({ maxLength: 30 }),
    visibility: fc.constantFrom("WORKSPACE", "PRIVATE"),
    author: person,
    creditedTo: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    tags: fc.uniqueArray(named, { selector: (t) => t.id, maxLength: 3 }),
    replyCount: fc.nat(50),
    created: date,
    edited: fc.option(fc.nat(10_000_000), { nil: null }),
  })
  .map((r) => ({
    id: r.id,
    anchorStatus: r.orphan ? "ORPHANED" : "ANCHORED",
    start: r.span[0],
    end: r.span[1],
    // An orphan keeps its old quote, which the text no longer holds there.
    exact: r.orphan && r.otherQuote !== null ? r.otherQuote : TEXT.slice(r.span[0], r.span[1]),
    kind: r.kind,
    technique: r.technique,
    verdict: r.verdict,
    confidence: r.confidence,
    note: r.note,
    visibility: r.visibility,
    author: r.author,
    creditedTo: r.creditedTo,
    tags: r.tags,
    replyCount: r.replyCount,
    createdAt: new Date(r.created).toISOString(),
    updatedAt: new Date(r.created + (r.edited ?? 0)).toISOString(),
  }) as ReadingAnnotation);

describe("packed reading annotations", () => {
  it("unpack(pack(x)) is x, whatever the annotations", () => {
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 25 }), (annotations) => {
        const packed = packReadingAnnotations(annotations, TEXT);
        expect(unpackReadingAnnotations(packed, TEXT)).toEqual(annotations);
        // As one JSON string, the form the page sends.
        expect(fromPackedJson(toPackedJson(annotations, TEXT), TEXT)).toEqual(annotations);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out what the text holds and names each person, technique and tag once", () => {
    const base = { kind: "BIAS_MARKER", verdict: null, confidence: null, note: "", visibility: "WORKSPACE", creditedTo: null, replyCount: 0, createdAt: "2026-11-01T10:00:00.000Z", updatedAt: "2026-11-01T10:00:00.000Z" } as const;
    const author = { id: "u1", name: "Ada" };
    const technique = { id: "t1", name: "Loaded language", colour: "#b4442c" };
    const annotations: ReadingAnnotation[] = [
      { ...base, id: "a", anchorStatus: "ANCHORED", start: 4, end: 12, exact: "congress", technique, author, tags: [technique] },
      { ...base, id: "b", anchorStatus: "ANCHORED", start: 23, end: 39, exact: "18 December 1925", technique, author, tags: [] },
      { ...base, id: "c", anchorStatus: "ORPHANED", start: 4, end: 12, exact: "congresses", technique: null, author, tags: [] },
    ];
    const packed = packReadingAnnotations(annotations, TEXT);
    expect(packed.people).toEqual([["u1", "Ada"]]);
    expect(packed.techniques).toEqual([["t1", "Loaded language", "#b4442c"]]);
    expect(packed.rows.map((row) => row[4])).toEqual([null, null, "congresses"]);
    expect(() => unpackReadingAnnotations({ ...packed, people: [] }, TEXT)).toThrow(RangeError);
  });

  it("sends a long note's opening only, flagged, and never splits a surrogate pair", () => {
    fc.assert(
      fc.property(annotation, fc.string({ unit: "grapheme", maxLength: 700 }), (made, note) => {
        const [back] = unpackReadingAnnotations(packReadingAnnotations([{ ...made, note }], TEXT), TEXT);
        if (!back) throw new Error("nothing unpacked");
        expect(note.startsWith(back.note)).toBe(true);
        if (note.length <= NOTE_OPENING_CHARS) {
          expect(back.note).toBe(note);
          expect(back.noteIsOpening).toBeUndefined();
        } else {
          expect(back.noteIsOpening).toBe(true);
          expect(back.note.length).toBeGreaterThanOrEqual(NOTE_OPENING_CHARS - 1);
          // A well-formed string stays well formed: no lone half of a pair at the cut.
          expect(unstorableTextReason(back.note)).not.toBe("surrogate");
        }
      }),
      { numRuns: 300 },
    );
    // An emoji (two UTF-16 units) straddling the limit is left out whole.
    const straddling = `${"a".repeat(NOTE_OPENING_CHARS - 1)}📜 and more`;
    expect(noteOpening(straddling)).toBe("a".repeat(NOTE_OPENING_CHARS - 1));
  });
});
