import { describe, expect, it } from "vitest";
import type { ExportDocument } from "./export-model";
import { ANNOTATIONS, FIXED_NOW, HISTORY, INTERVIEW, LINKS, SCRIPT_NOTE, UNDATED_NOTE, annotate, annotationById } from "./sample-export-set";
import { buildTeiDocument } from "./tei-document";
import { findAll, parseWellFormedXml, textContent, type XmlNode } from "./well-formed-xml";

const BASE = "https://workbench.example.org";

function build(document: ExportDocument, annotations = ANNOTATIONS, links = LINKS, options: { baseUrl?: string } = { baseUrl: BASE }) {
  const xml = buildTeiDocument(document, annotations, links, { now: FIXED_NOW, ...options });
  return { xml, root: parseWellFormedXml(xml) };
}

function byId(root: XmlNode): Map<string, XmlNode> {
  const ids = new Map<string, XmlNode>();
  for (const node of allElements(root)) {
    const id = node.attributes["xml:id"];
    if (id === undefined) continue;
    if (ids.has(id)) throw new Error(`duplicate xml:id ${id}`);
    ids.set(id, node);
  }
  return ids;
}

function allElements(root: XmlNode): XmlNode[] {
  const elements: XmlNode[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    elements.push(node);
    for (const child of node.children) if (typeof child !== "string") stack.push(child);
  }
  return elements;
}

/** What a TEI processor would select for `#string-range(pN,offset,length)`: code points of the <p>. */
function resolvePointer(ids: Map<string, XmlNode>, pointer: string): string {
  const match = /^#string-range\((p\d+),(\d+),(\d+)\)$/.exec(pointer);
  if (!match) throw new Error(`not a string-range pointer: ${pointer}`);
  const paragraph = ids.get(match[1] ?? "");
  if (!paragraph) throw new Error(`no paragraph ${match[1]}`);
  const start = Number(match[2]);
  return [...textContent(paragraph)].slice(start, start + Number(match[3])).join("");
}

function annotationElement(root: XmlNode, id: string): XmlNode {
  const found = findAll(root, "annotation").find((node) => node.attributes["xml:id"] === `a-${id}`);
  if (!found) throw new Error(`no annotation ${id}`);
  return found;
}

const notesOf = (node: XmlNode, type: string) => findAll(node, "note").filter((note) => note.attributes.type === type).map(textContent);

describe("buildTeiDocument", () => {
  it("writes well-formed XML for every document, including one with no metadata and no annotations", () => {
    for (const document of [INTERVIEW, HISTORY, UNDATED_NOTE]) expect(() => build(document)).not.toThrow();
    const empty = build({ ...UNDATED_NOTE, text: "" }, [], []);
    expect(findAll(empty.root, "standOff")).toEqual([]);
    expect(findAll(empty.root, "p").at(-1)).toEqual({ name: "p", attributes: {}, children: [] });
  });

  it("is a TEI P5 document: namespace, header with title, author, source and the export's date", () => {
    const { root } = build(INTERVIEW);
    expect(root.name).toBe("TEI");
    expect(root.attributes.xmlns).toBe("http://www.tei-c.org/ns/1.0");
    expect(root.children.filter((child): child is XmlNode => typeof child !== "string").map((child) => child.name)).toEqual(["teiHeader", "text", "standOff"]);
    const titleStmt = findAll(root, "titleStmt")[0];
    expect(titleStmt && findAll(titleStmt, "title").map(textContent)).toEqual(["About the discussion: Interview with a Rosta correspondent"]);
    expect(titleStmt && findAll(titleStmt, "author").map(textContent)).toEqual(["Stalin, J. V."]);
    expect(findAll(root, "publicationStmt").flatMap((node) => findAll(node, "date")).map((date) => date.attributes.when)).toEqual(["2025-03-14T09:30:00.000Z"]);
    const bibl = findAll(root, "bibl")[0];
    expect(bibl && findAll(bibl, "biblScope").map((scope) => [scope.attributes.unit, textContent(scope)])).toEqual([["issue", "7"], ["page", "2"]]);
    expect(bibl && findAll(bibl, "idno").map(textContent)).toEqual(["RGASPI f. 558, op. 1, d. 2574"]);
    expect(findAll(root, "language").map((language) => language.attributes.ident)).toEqual(["ru"]);
    expect(findAll(root, "term").map(textContent)).toEqual(["Primary source", "press"]);
  });

  it("splits the text into paragraphs on blank lines, each with its text unchanged", () => {
    const { root } = build(INTERVIEW);
    const body = findAll(root, "body")[0];
    expect(body && findAll(body, "p").map((p) => [p.attributes["xml:id"], textContent(p)])).toEqual(INTERVIEW.text.split("\n\n").map((text, index) => [`p${index + 1}`, text]));
  });

  it("points every placed annotation at exactly its quote, counting code points (the 𝔄 included)", () => {
    for (const document of [INTERVIEW, HISTORY, UNDATED_NOTE]) {
      const { root } = build(document);
      const ids = byId(root);
      for (const annotation of ANNOTATIONS.filter((candidate) => candidate.documentId === document.id && candidate.anchorStatus === "ANCHORED")) {
        const pointers = annotationElement(root, annotation.id).attributes.target?.split(" ") ?? [];
        const pieces = pointers.map((pointer) => resolvePointer(ids, pointer));
        // Pieces in different paragraphs leave out the blank lines between them.
        expect(pieces.join("")).toBe(annotation.exact.replace(/(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+/g, ""));
      }
    }
  });

  it("keeps overlapping annotations, nested and partly overlapping, all as stand-off", () => {
    const { root } = build(INTERVIEW);
    const target = (id: string) => annotationElement(root, id).attributes.target;
    expect(target("a-claim-90")).toBe("#string-range(p2,101,50)");
    expect(target("a-bandwagon")).toBe("#string-range(p2,113,15)");
    // "The opposition are “generals without an army”" and "“generals … “capitulatory plans”" share words.
    expect(target("a-claim-generals")).toBe("#string-range(p3,0,45)");
    expect(target("a-name-calling")).toBe("#string-range(p3,19,68)");
    expect(target("a-whining")).toBe("#string-range(p3,53,7)");
    // The text itself carries no annotation markup.
    const body = findAll(root, "body")[0];
    expect(body && findAll(body, "p").every((p) => p.children.every((child) => typeof child === "string"))).toBe(true);
  });

  it("gives a span across paragraphs one range per paragraph, and keeps CRLF in its quote", () => {
    const { root } = build(UNDATED_NOTE);
    const across = annotationElement(root, "a-across");
    expect(across.attributes.target).toBe("#string-range(p1,14,9) #string-range(p2,0,6)");
    expect(notesOf(across, "quote")).toEqual(["𝔄𝔅 marks.\r\n\r\nSecond"]);
  });

  it("keeps a CR inside a paragraph, which a parser would otherwise turn into LF and shift every offset", () => {
    const document: ExportDocument = { ...UNDATED_NOTE, text: "Line one\r\nline two, 𝔄.\r\n\r\nNext" };
    const annotation = annotate(document, "line two, 𝔄.", { id: "cr", kind: "CLAIM" });
    const { root } = build(document, [annotation], []);
    const body = findAll(root, "body")[0];
    expect(body && findAll(body, "p").map(textContent)).toEqual(["Line one\r\nline two, 𝔄.", "Next"]);
    expect(resolvePointer(byId(root), annotationElement(root, "cr").attributes.target ?? "")).toBe("line two, 𝔄.");
  });

  it("replaces characters XML forbids without shifting the offsets after them", () => {
    const document: ExportDocument = { ...UNDATED_NOTE, title: "Bad \u0001 title <&>", text: "Control \u0000 character, then the quote." };
    const annotation = annotate(document, "the quote", { id: "after-control", kind: "CLAIM" });
    const { root } = build(document, [annotation], []);
    expect(textContent(findAll(root, "title")[0] ?? root)).toBe("Bad \uFFFD title <&>");
    expect(resolvePointer(byId(root), annotationElement(root, "after-control").attributes.target ?? "")).toBe("the quote");
  });

  it("carries kind, verdict, technique, tags and status in @ana, and every # reference resolves", () => {
    const { root } = build(INTERVIEW);
    const ids = byId(root);
    expect(annotationElement(root, "a-claim-90").attributes).toMatchObject({
      motivation: "assessing",
      ana: "#kind-claim #verdict-disputed #tag-custom_3a_figures #status-anchored",
      resp: "#person-u-ada",
    });
    expect(annotationElement(root, "a-bandwagon").attributes.ana).toBe("#kind-bias-marker #technique-ptc_3a_bandwagon #status-anchored");
    const references = allElements(root)
      .flatMap((node) => ["ana", "resp", "target"].map((name) => node.attributes[name] ?? ""))
      .flatMap((value) => value.split(" "))
      .filter((reference) => reference.startsWith("#") && !reference.startsWith("#string-range("));
    expect(references.length).toBeGreaterThan(20);
    for (const reference of references) expect(ids.has(reference.slice(1)), reference).toBe(true);
  });

  it("keeps notes, confidence, replies and dates in the annotation, with user text escaped", () => {
    const { xml, root } = build(INTERVIEW);
    const claim = annotationElement(root, "a-claim-90");
    expect(notesOf(claim, "confidence")).toEqual(["40"]);
    expect(notesOf(claim, "comment")).toEqual(["No source is given for the figure; compare the congress minutes."]);
    expect(notesOf(claim, "reply")).toEqual(["Согласен: цифра ничем не подтверждена.", `<script>alert("reply")</script>`]);
    expect(findAll(claim, "change").map((change) => [change.attributes.status, change.attributes.when])).toEqual([
      ["created", "2025-01-02T10:00:00.000Z"],
      ["modified", "2025-01-05T08:15:00.000Z"],
    ]);
    expect(notesOf(annotationElement(root, "a-name-calling"), "comment")).toEqual([SCRIPT_NOTE]);
    expect(findAll(root, "script")).toEqual([]);
    expect(xml).not.toContain("<script");
  });

  it("points an orphan at the whole text and keeps its quote", () => {
    const { root } = build(INTERVIEW);
    const orphan = annotationElement(root, "a-orphan");
    expect(orphan.attributes.target).toBe("#text");
    expect(orphan.attributes.ana).toContain("#status-orphaned");
    expect(notesOf(orphan, "quote")).toEqual([annotationById("a-orphan").exact]);
  });

  it("holds only this document's annotations, and links that touch them", () => {
    const { root } = build(INTERVIEW);
    expect(findAll(root, "annotation").filter((node) => node.attributes["xml:id"]?.startsWith("a-")).map((node) => node.attributes["xml:id"])).toEqual(
      ANNOTATIONS.filter((annotation) => annotation.documentId === INTERVIEW.id).map((annotation) => `a-${annotation.id}`),
    );
    expect(findAll(root, "link").map((link) => link.attributes["xml:id"])).toEqual(["l-l-size", "l-l-responds", "l-l-united"]);
  });

  it("writes links in a linkGrp, source first, with the verdict in @ana and an IRI for an end in another document", () => {
    const { root } = build(INTERVIEW);
    const [size, responds] = findAll(root, "link");
    expect(size?.attributes).toEqual({
      "xml:id": "l-l-size",
      type: "contradicts",
      target: "#a-a-claim-90 https://workbench.example.org/annotations/a-leningrad",
      ana: "#link-verdict-second-more-reliable",
      resp: "#person-u-ada",
    });
    expect(responds?.attributes.target).toBe("#a-a-united #a-a-claim-generals");
    const sizeNotes = findAll(root, "annotation").find((node) => node.attributes.target === "#l-l-size");
    expect(sizeNotes && notesOf(sizeNotes, "verdictRationale")).toEqual([LINKS[0]?.verdictRationale]);
    const relative = build(HISTORY, ANNOTATIONS, LINKS, {});
    expect(findAll(relative.root, "link")[0]?.attributes.target).toBe("/annotations/a-claim-90 #a-a-leningrad");
  });
});
