import { describe, expect, it } from "vitest";
import { buildAnnotationsCsv } from "./annotations-csv";
import type { ExportDocument, ExportSet } from "./export-model";
import { formatCitation } from "./format-citation";
import { buildReportHtml } from "./report-html";
import { ANNOTATIONS, FIXED_NOW, INTERVIEW, LINKS, SAMPLE_SET, annotate } from "./sample-export-set";
import { buildTeiDocument } from "./tei-document";
import { findAll, parseWellFormedXml, textContent } from "./well-formed-xml";
import { parseW3cAnnotations } from "./parse-w3c-annotations";
import { toXmlId } from "./xml-id";
import { buildW3cCollection, type W3cTextTarget } from "./w3c-annotations";

/** The interview as if imported from a PDF: page 1 from the start, 2 from "Answer:", 3 from the third paragraph. */
const PAGED: ExportDocument = {
  ...INTERVIEW,
  pageBreaks: [
    { offset: 0, label: "1" },
    { offset: INTERVIEW.text.indexOf("Answer:"), label: "2" },
    { offset: INTERVIEW.text.indexOf("The opposition are"), label: "3" },
  ],
};
const ACROSS = annotate(PAGED, "the opposition has a majority? Answer", { id: "a-across-pages", kind: "CLAIM" });
const SET: ExportSet = {
  ...SAMPLE_SET,
  documents: SAMPLE_SET.documents.map((document) => (document.id === PAGED.id ? PAGED : document)),
  annotations: [...ANNOTATIONS, ACROSS],
};
/** Each annotation of the interview with the page(s) its words are on; the orphan has none. */
const EXPECTED: Record<string, string> = { "a-claim-90": "2", "a-claim-generals": "3", "a-united": "3", "a-across-pages": "1–2", "a-orphan": "" };

describe("page numbers in citations and exports", () => {
  it("cites a passage by its page in place of the document's page range", () => {
    expect(formatCitation(PAGED, { pages: "2" })).toContain("1924-01-09, p. 2.");
    expect(formatCitation(PAGED, { pages: "1–2" })).toContain("1924-01-09, pp. 1–2.");
    expect(formatCitation(PAGED)).toContain("1924-01-09, 2.");
  });

  it("gives each annotation's page in the CSV's page column, empty for an orphan or a text without pages", () => {
    const [header, ...rows] = buildAnnotationsCsv(SET).trim().split("\r\n");
    const columns = header!.replace(/^\uFEFF/, "").split(",");
    const page = columns.indexOf("page");
    const id = columns.indexOf("annotation_id");
    expect(page).toBeGreaterThan(0);
    // No field before "page" holds a comma, so splitting the start of each row is enough here.
    const pageOf = new Map(rows.map((row) => { const cells = row.split(","); return [cells[id], cells[page]]; }));
    for (const [annotation, pages] of Object.entries(EXPECTED)) expect(pageOf.get(annotation), annotation).toBe(pages);
    expect(pageOf.get("a-beloved")).toBe("");
  });

  it("puts each quote's page in the report, in the byline and in a pair's citation", () => {
    const html = buildReportHtml(SET, { now: FIXED_NOW });
    expect(html).toContain(`<span class="page">p. 3</span>`);
    expect(html).toContain(`<span class="page">pp. 1–2</span>`);
    expect(html).toMatch(/<figcaption>[^<]*1924-01-09, p\. [23]\.[^<]*<\/figcaption>/);
  });

  it("marks page starts in the TEI text with <pb n>, leaving the paragraphs' text (and so the pointers) unchanged, and notes each annotation's page", () => {
    const xml = buildTeiDocument(PAGED, SET.annotations, LINKS, { now: FIXED_NOW });
    const root = parseWellFormedXml(xml);
    const body = findAll(root, "body")[0]!;
    expect(findAll(body, "pb").map((pb) => pb.attributes.n)).toEqual(["1", "2", "3"]);
    expect(findAll(body, "p").map(textContent)).toEqual(INTERVIEW.text.split("\n\n"));
    const paragraph2 = findAll(body, "p")[1]!;
    // The break sits right before "Answer:", inside the paragraph.
    const before = paragraph2.children.findIndex((child) => typeof child !== "string" && child.name === "pb");
    expect(String(paragraph2.children[before + 1])).toMatch(/^Answer:/);
    const pages = new Map(
      findAll(root, "annotation").map((annotation) => [annotation.attributes["xml:id"], findAll(annotation, "note").filter((note) => note.attributes.type === "page").map(textContent).join("")]),
    );
    for (const [annotation, page] of Object.entries(EXPECTED)) expect(pages.get(toXmlId("a-", annotation)), annotation).toBe(page);
  });

  it("writes the page on each W3C text target as schema:pagination, declared in the context", () => {
    const collection = buildW3cCollection(SET, { baseUrl: "https://workbench.example.org", now: FIXED_NOW });
    expect(collection["@context"][1]).toHaveProperty("pagination", "schema:pagination");
    const pagination = new Map(
      collection.first.items.flatMap((item) => (typeof item.target === "object" && !Array.isArray(item.target) ? [[item.id.split("/").at(-1), (item.target as W3cTextTarget).pagination ?? ""]] : [])),
    );
    for (const [annotation, page] of Object.entries(EXPECTED)) expect(pagination.get(annotation), annotation).toBe(page);
    expect(pagination.get("a-beloved")).toBe("");
    // The workbench's own import reads the export back without a complaint about the new term.
    expect(parseW3cAnnotations(JSON.parse(JSON.stringify(collection))).errors).toEqual([]);
  });
});
