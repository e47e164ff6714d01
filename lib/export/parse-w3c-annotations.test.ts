import { describe, expect, it } from "vitest";
import { W3C_PARSE_LIMITS, parseW3cAnnotations } from "./parse-w3c-annotations";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** A Hypothesis-style annotation on a text we hold: quote and position selectors among others. */
function annotation(overrides: Record<string, unknown> = {}) {
  return {
    "@context": CONTEXT,
    id: "https://hypothes.is/a/abc123",
    type: "Annotation",
    motivation: "commenting",
    creator: "acct:historian@hypothes.is",
    created: "2024-11-02T10:00:00Z",
    body: { type: "TextualBody", value: "Ср. протокол съезда.", purpose: "commenting" },
    target: {
      source: "https://example.org/texts/14th-congress",
      selector: [
        { type: "RangeSelector", startSelector: { type: "XPathSelector", value: "/p[2]" }, endSelector: { type: "XPathSelector", value: "/p[2]" } },
        { type: "TextPositionSelector", start: 2, end: 15 },
        { type: "TextQuoteSelector", exact: "“more than 90%”", prefix: "approved by ", suffix: " of the party’s" },
      ],
    },
    ...overrides,
  };
}

describe("parseW3cAnnotations: shapes", () => {
  it("reads a single annotation, with code-point offsets and quote as given", () => {
    const result = parseW3cAnnotations(annotation());
    expect(result.errors).toEqual([]);
    expect(result.annotations).toEqual([
      {
        index: 0,
        id: "https://hypothes.is/a/abc123",
        motivations: ["commenting"],
        targets: [
          {
            kind: "text",
            source: "https://example.org/texts/14th-congress",
            sourceTitle: null,
            position: { start: 2, end: 15 },
            quote: { exact: "“more than 90%”", prefix: "approved by ", suffix: " of the party’s" },
          },
        ],
        bodies: [{ id: null, type: "TextualBody", purpose: "commenting", value: "Ср. протокол съезда.", confidence: null, creator: null }],
        creator: { id: "acct:historian@hypothes.is", name: null },
        created: "2024-11-02T10:00:00Z",
        modified: null,
        visibility: null,
      },
    ]);
  });

  it("reads an array, an AnnotationPage and an AnnotationCollection (items inherit the container's context)", () => {
    const bare = { ...annotation() } as Record<string, unknown>;
    delete bare["@context"];
    expect(parseW3cAnnotations([annotation(), annotation({ id: "x2" })]).annotations).toHaveLength(2);
    expect(parseW3cAnnotations({ "@context": CONTEXT, type: "AnnotationPage", items: [bare, bare] }).annotations).toHaveLength(2);
    const collection = {
      "@context": [CONTEXT, { dcterms: "http://purl.org/dc/terms/" }],
      type: "AnnotationCollection",
      first: { type: "AnnotationPage", items: [bare], next: { type: "AnnotationPage", items: [bare, bare] } },
    };
    const result = parseW3cAnnotations(collection);
    expect(result.errors).toEqual([]);
    expect(result.annotations.map((parsed) => parsed.index)).toEqual([0, 1, 2]);
  });

  it("accepts the https spelling of the context, bodyValue, and a source given as an object", () => {
    const result = parseW3cAnnotations(
      annotation({
        "@context": "https://www.w3.org/ns/anno.jsonld",
        body: undefined,
        bodyValue: "A plain comment",
        target: { source: { id: "https://example.org/d/1", type: "Text", title: "Беседа" }, selector: { type: "TextQuoteSelector", exact: "𝔄" } },
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.annotations[0]?.bodies).toEqual([{ id: null, type: "TextualBody", purpose: null, value: "A plain comment", confidence: null, creator: null }]);
    expect(result.annotations[0]?.targets).toEqual([{ kind: "text", source: "https://example.org/d/1", sourceTitle: "Беседа", position: null, quote: { exact: "𝔄", prefix: "", suffix: "" } }]);
  });

  it("reads IRI targets (links, replies) as resources", () => {
    const link = parseW3cAnnotations(annotation({ motivation: "linking", target: ["https://x/annotations/1", { id: "https://x/annotations/2", type: "Annotation" }] }));
    expect(link.annotations[0]?.targets).toEqual([
      { kind: "resource", id: "https://x/annotations/1" },
      { kind: "resource", id: "https://x/annotations/2" },
    ]);
  });
});

describe("parseW3cAnnotations: bad items are reported, the rest still read", () => {
  it("reports each bad item with its index and a clear message", () => {
    const items = [
      annotation(),
      "not an object",
      annotation({ "@context": undefined }),
      annotation({ type: "Note" }),
      annotation({ target: undefined }),
      annotation({ target: [] }),
      annotation({ target: { source: "https://x/d", selector: { type: "FragmentSelector", value: "p=1" } } }),
      annotation({ target: { source: "https://x/d", selector: { type: "TextPositionSelector", start: 9, end: 3 } } }),
      annotation({ target: { source: "https://x/d", selector: { type: "TextPositionSelector", start: -1, end: 3 } } }),
      annotation({ target: { source: "https://x/d", selector: { type: "TextPositionSelector", start: 1.5, end: 3 } } }),
      annotation({ target: { source: "https://x/d", selector: { type: "TextQuoteSelector", exact: "" } } }),
      annotation({ target: { source: "https://x/d", selector: { type: "TextQuoteSelector", exact: "x", prefix: 7 } } }),
      annotation({ target: { source: 42, selector: { type: "TextQuoteSelector", exact: "x" } } }),
      annotation({ target: { type: "SpecificResource" } }),
      annotation({ body: [{ value: "ok" }, 17] }),
      annotation({ id: "last-good" }),
    ];
    const result = parseW3cAnnotations(items);
    expect(result.annotations.map((parsed) => parsed.index)).toEqual([0, 15]);
    expect(result.errors.map((error) => error.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    const message = (index: number) => result.errors.find((error) => error.index === index)?.message;
    expect(message(1)).toMatch(/Expected an annotation object, found "not an object"/);
    expect(message(2)).toMatch(/Missing @context/);
    expect(message(3)).toMatch(/Expected type "Annotation", found "Note"/);
    expect(message(4)).toBe("Missing target.");
    expect(message(5)).toBe("Missing target.");
    expect(message(6)).toMatch(/no TextPositionSelector or TextQuoteSelector/);
    expect(message(7)).toMatch(/0 ≤ start ≤ end, not start 9 and end 3/);
    expect(message(8)).toMatch(/TextPositionSelector/);
    expect(message(9)).toMatch(/TextPositionSelector/);
    expect(message(10)).toMatch(/non-empty exact/);
    expect(message(11)).toMatch(/prefix and suffix must be strings/);
    expect(message(12)).toMatch(/source must be an IRI/);
    expect(message(13)).toMatch(/needs a source/);
    expect(message(14)).toBe("Body 2 is neither an IRI nor an object.");
  });

  it("names which of several targets is wrong", () => {
    const result = parseW3cAnnotations(annotation({ target: ["https://x/a/1", 5] }));
    expect(result.errors).toEqual([{ index: 0, message: "Target 2: expected an IRI or an object, found 5." }]);
  });

  it("does not read inherited properties such as constructor or __proto__ as fields", () => {
    const sneaky = JSON.parse(`{"@context":"${CONTEXT}","__proto__":{"type":"Annotation","target":"https://x"}}`);
    expect(parseW3cAnnotations(sneaky).errors).toEqual([{ index: null, message: "Expected type Annotation, AnnotationPage or AnnotationCollection, found none." }]);
  });

  it("reports container problems and keeps the items it could read", () => {
    const result = parseW3cAnnotations({ type: "AnnotationCollection", first: { type: "AnnotationPage", items: [annotation()], next: "https://x/page/2" } });
    expect(result.annotations).toHaveLength(1);
    expect(result.errors).toEqual([
      { index: null, message: expect.stringMatching(/has no @context/) },
      { index: null, message: "Page 2 (https://x/page/2) is referenced, not embedded; it was not read." },
    ]);
    expect(parseW3cAnnotations({ "@context": CONTEXT, type: "AnnotationPage", items: "nope" }).errors[0]?.message).toMatch(/not an embedded AnnotationPage/);
  });
});

describe("parseW3cAnnotations: hostile input is refused whole, without throwing", () => {
  it("refuses input that is not JSON, or not an object or array", () => {
    expect(parseW3cAnnotations("{not json").errors[0]?.message).toMatch(/^The input is not valid JSON/);
    for (const value of [null, 42, true, undefined]) {
      expect(parseW3cAnnotations(value)).toEqual({ annotations: [], errors: [{ index: null, message: expect.stringMatching(/^Expected an Annotation, an array of them/) }] });
    }
    expect(parseW3cAnnotations('"a JSON string"').errors[0]?.message).toMatch(/found "a JSON string"/);
    expect(parseW3cAnnotations({ type: "Dataset" }).errors[0]?.message).toMatch(/found "Dataset"/);
  });

  it("refuses nesting deeper than 64 levels, even 10,000 levels of it, and accepts 64", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(parseW3cAnnotations(nested(10_000))).toEqual({ annotations: [], errors: [{ index: null, message: "The input is nested more than 64 levels deep." }] });
    expect(parseW3cAnnotations(nested(65)).errors[0]?.message).toMatch(/nested more than 64/);
    expect(parseW3cAnnotations(nested(64)).errors).toEqual([{ index: 0, message: expect.stringMatching(/found an array/) }]);
    let deep: unknown = annotation();
    for (let level = 0; level < 100; level += 1) deep = { wrap: deep };
    expect(parseW3cAnnotations(annotation({ extra: deep })).errors[0]?.message).toMatch(/nested more than 64/);
  });

  it("refuses a cyclic object rather than looping", () => {
    const cyclic: Record<string, unknown> = annotation();
    cyclic.self = cyclic;
    expect(parseW3cAnnotations(cyclic).errors[0]?.message).toMatch(/nested more than 64/);
  });

  it(`refuses more than ${W3C_PARSE_LIMITS.maxItems} items and accepts exactly that many`, () => {
    const item = annotation();
    const tooMany = parseW3cAnnotations({ "@context": CONTEXT, type: "AnnotationPage", items: Array.from({ length: W3C_PARSE_LIMITS.maxItems + 1 }, () => item) });
    expect(tooMany.annotations).toEqual([]);
    expect(tooMany.errors).toEqual([{ index: null, message: expect.stringMatching(/at most 100000 can be read at once/) }]);
    const enough = parseW3cAnnotations(Array.from({ length: W3C_PARSE_LIMITS.maxItems }, () => item));
    expect(enough.errors).toEqual([]);
    expect(enough.annotations).toHaveLength(W3C_PARSE_LIMITS.maxItems);
  });
});
