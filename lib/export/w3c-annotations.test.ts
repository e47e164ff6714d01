import { describe, expect, it } from "vitest";
import type { ExportSet } from "./export-model";
import { ANNOTATIONS, FIXED_NOW, LINKS, SAMPLE_SET, annotationById } from "./sample-export-set";
import { buildW3cCollection, parseW3cAnnotations, type W3cAnnotation, type W3cTextTarget } from "./w3c-annotations";

const BASE = "https://workbench.example.org/";
const collection = buildW3cCollection(SAMPLE_SET, { baseUrl: BASE, now: FIXED_NOW });
const items = collection.first.items;

function item(id: string): W3cAnnotation {
  const found = items.find((candidate) => candidate.id.endsWith(`/${id}`));
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

function textTarget(annotation: W3cAnnotation): W3cTextTarget {
  if (typeof annotation.target === "string" || Array.isArray(annotation.target)) throw new Error("not a text target");
  return annotation.target;
}

function selector<T extends W3cTextTarget["selector"][number]["type"]>(annotation: W3cAnnotation, type: T) {
  return textTarget(annotation).selector.find((candidate): candidate is Extract<W3cTextTarget["selector"][number], { type: T }> => candidate.type === type);
}

describe("buildW3cCollection", () => {
  it("is an AnnotationCollection with the model's context first, one embedded page and a total", () => {
    expect(collection["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection).toMatchObject({
      id: "https://workbench.example.org/workspaces/ws-congress/annotations",
      type: "AnnotationCollection",
      label: "The 14th Congress, 1925: annotations",
      generated: "2025-03-14T09:30:00.000Z",
      last: "https://workbench.example.org/workspaces/ws-congress/annotations?page=0",
    });
    expect(collection.first).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: collection.id, id: collection.last });
    const replies = ANNOTATIONS.reduce((sum, annotation) => sum + annotation.replies.length, 0);
    expect(collection.total).toBe(ANNOTATIONS.length + replies + LINKS.length);
    expect(items).toHaveLength(collection.total);
  });

  it("gives every item in the page its own @context, the collection's, with the W3C context first", () => {
    for (const annotation of items) {
      expect(annotation["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
      expect(annotation["@context"]).toEqual(collection["@context"]);
    }
  });

  it("maps the assessing motivation explicitly in the inline context, so no copy of the W3C context turns it into a relative IRI", () => {
    const inline = collection["@context"][1];
    expect(inline.oa).toBe("http://www.w3.org/ns/oa#");
    expect(inline.assessing).toBe("oa:assessing");
  });

  it("names the workbench as every item's generator", () => {
    for (const annotation of items) {
      expect(annotation.generator).toEqual({ id: "https://workbench.example.org/", type: "Software", name: "Source Criticism Workbench" });
    }
  });

  it("stamps every item with the injected clock and a Person creator", () => {
    for (const annotation of items) {
      expect(annotation.type).toBe("Annotation");
      expect(annotation.generated).toBe(FIXED_NOW.toISOString());
      expect(annotation.creator.type).toBe("Person");
      expect(annotation.creator.id).toMatch(/^https:\/\/workbench\.example\.org\/users\//);
    }
    expect(item("a-claim-90")).toMatchObject({ created: "2025-01-02T10:00:00.000Z", modified: "2025-01-05T08:15:00.000Z", creator: { name: "Ada Ivanova" } });
  });

  it("maps kinds to motivations: assessed claims assess, unassessed claims highlight", () => {
    expect(item("a-claim-90").motivation).toBe("assessing");
    expect(item("a-claim-generals").motivation).toBe("highlighting");
    expect(item("a-bandwagon").motivation).toBe("classifying");
    expect(item("a-united").motivation).toBe("questioning");
    expect(item("a-heading").motivation).toBe("tagging");
    expect(item("l-size").motivation).toBe("linking");
    expect(item("r-1").motivation).toBe("replying");
  });

  it("targets the document with its metadata as the source, and selectors in code points", () => {
    const target = textTarget(item("a-claim-90"));
    expect(target.source).toEqual({
      id: "https://workbench.example.org/documents/doc-interview",
      type: "Text",
      title: "About the discussion: Interview with a Rosta correspondent",
      creator: [{ name: "Stalin, J. V." }],
      date: "1924-01-09",
      language: "ru",
      bibliographicCitation: expect.stringContaining("Pravda, no. 7"),
      revision: 2,
    });
    const claim = annotationById("a-claim-90");
    expect(selector(item("a-claim-90"), "TextPositionSelector")).toEqual({ type: "TextPositionSelector", start: claim.start - 1, end: claim.end - 1 });
    expect(selector(item("a-claim-90"), "TextQuoteSelector")).toEqual({ type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix });
  });

  it("keeps position and quote consistent: the code-point slice of the text is the quote, for every placed annotation", () => {
    const texts = new Map(SAMPLE_SET.documents.map((document) => [`https://workbench.example.org/documents/${document.id}`, document.text]));
    let checked = 0;
    for (const annotation of items.filter((candidate) => candidate.motivation !== "linking" && candidate.motivation !== "replying")) {
      const position = selector(annotation, "TextPositionSelector");
      const quote = selector(annotation, "TextQuoteSelector");
      const source = textTarget(annotation).source;
      const text = texts.get(typeof source === "string" ? source : source.id) ?? "";
      expect(quote).toBeDefined();
      if (!position) continue;
      expect([...text].slice(position.start, position.end).join("")).toBe(quote?.exact);
      checked += 1;
    }
    expect(checked).toBe(ANNOTATIONS.length - 1);
  });

  it("gives an orphan its quote selector alone, never a position that points elsewhere", () => {
    expect(textTarget(item("a-orphan")).selector).toEqual([
      { type: "TextQuoteSelector", exact: "the opposition has a minority", prefix: annotationById("a-orphan").prefix, suffix: annotationById("a-orphan").suffix },
    ]);
  });

  it("carries technique, tags, verdict with confidence, and note as bodies with purposes", () => {
    expect(item("a-claim-90").body).toEqual([
      { type: "TextualBody", purpose: "tagging", value: "Figures", format: "text/plain", id: "https://workbench.example.org/workspaces/ws-congress/tags/custom%3Afigures" },
      { type: "TextualBody", purpose: "assessing", value: "disputed", format: "text/plain", confidence: 40 },
      { type: "TextualBody", purpose: "commenting", value: "No source is given for the figure; compare the congress minutes.", format: "text/plain" },
    ]);
    expect(item("a-bandwagon").body).toEqual([
      { type: "TextualBody", purpose: "classifying", value: "Bandwagon", format: "text/plain", id: "https://workbench.example.org/workspaces/ws-congress/tags/ptc%3Abandwagon" },
    ]);
    expect(item("a-claim-generals").body).toEqual([{ type: "TextualBody", purpose: "assessing", value: "unverified", format: "text/plain" }]);
  });

  it("leaves out the body of an annotation that has nothing to say beyond its target", () => {
    const bare = buildW3cCollection({ ...SAMPLE_SET, annotations: [{ ...annotationById("a-whining"), technique: null }], links: [] }, { baseUrl: BASE, now: FIXED_NOW });
    expect(bare.first.items[0]).not.toHaveProperty("body");
    expect(bare.first.items[0]?.motivation).toBe("classifying");
  });

  it("exports replies as replying annotations on the annotation", () => {
    expect(item("r-1")).toMatchObject({
      target: "https://workbench.example.org/annotations/a-claim-90",
      creator: { name: "Борис Петров" },
      body: [{ type: "TextualBody", purpose: "replying", value: "Согласен: цифра ничем не подтверждена." }],
    });
    expect(items.indexOf(item("r-1"))).toBe(items.indexOf(item("a-claim-90")) + 1);
  });

  it("exports links as linking annotations targeting both annotations, source first, with type, verdict and notes", () => {
    expect(item("l-size")).toMatchObject({
      target: ["https://workbench.example.org/annotations/a-claim-90", "https://workbench.example.org/annotations/a-leningrad"],
      creator: { name: "Ada Ivanova" },
      body: [
        { purpose: "classifying", value: "contradicts" },
        { purpose: "assessing", value: "second-more-reliable", creator: { name: "Борис Петров" } },
        { purpose: "assessing", value: "The minutes record the Leningrad delegation voting against; “more than 90%” has no source.", creator: { name: "Борис Петров" } },
        { purpose: "commenting", value: "Cross-document: the size of the opposition." },
      ],
    });
    expect(item("l-responds").body).toEqual([{ type: "TextualBody", purpose: "classifying", value: "responds-to", format: "text/plain" }]);
  });

  it("survives JSON and an empty set", () => {
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
    const empty: ExportSet = { workspace: { id: "w", name: "Empty" }, documents: [], annotations: [], links: [] };
    expect(buildW3cCollection(empty, { baseUrl: BASE, now: FIXED_NOW })).toMatchObject({ total: 0, first: { items: [] } });
  });

  it("names a missing document by its IRI and still exports the annotation with its quote", () => {
    const lonely = buildW3cCollection({ ...SAMPLE_SET, documents: [], links: [] }, { baseUrl: BASE, now: FIXED_NOW });
    const target = lonely.first.items.find((candidate) => candidate.id.endsWith("/a-whining"))?.target;
    expect(target).toEqual({ type: "SpecificResource", source: "https://workbench.example.org/documents/doc-interview", selector: [expect.objectContaining({ type: "TextQuoteSelector", exact: "whining" })] });
  });
});

describe("W3C round trip: build → JSON → parse", () => {
  const parsed = parseW3cAnnotations(JSON.stringify(collection));

  it("reads every item back without errors", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.annotations).toHaveLength(items.length);
  });

  it("gives back the same code-point offsets and quotes for every annotation", () => {
    for (const original of ANNOTATIONS) {
      const back = parsed.annotations.find((annotation) => annotation.id === `https://workbench.example.org/annotations/${original.id}`);
      const target = back?.targets[0];
      expect(target?.kind).toBe("text");
      if (target?.kind !== "text") continue;
      expect(target.quote).toEqual({ exact: original.exact, prefix: original.prefix, suffix: original.suffix });
      const exported = selector(item(original.id), "TextPositionSelector");
      expect(target.position).toEqual(exported ? { start: exported.start, end: exported.end } : null);
      expect(target.source).toBe(`https://workbench.example.org/documents/${original.documentId}`);
    }
  });

  it("gives back motivations, bodies, creators and link targets", () => {
    const claim = parsed.annotations.find((annotation) => annotation.id?.endsWith("/a-claim-90"));
    expect(claim?.motivations).toEqual(["assessing"]);
    expect(claim?.bodies.find((body) => body.purpose === "assessing")).toMatchObject({ value: "disputed", confidence: 40 });
    expect(claim?.creator).toEqual({ id: "https://workbench.example.org/users/u-ada", name: "Ada Ivanova" });
    const link = parsed.annotations.find((annotation) => annotation.id?.endsWith("/l-size"));
    expect(link?.targets).toEqual([
      { kind: "resource", id: "https://workbench.example.org/annotations/a-claim-90" },
      { kind: "resource", id: "https://workbench.example.org/annotations/a-leningrad" },
    ]);
  });
});
