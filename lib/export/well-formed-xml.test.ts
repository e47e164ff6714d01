import { describe, expect, it } from "vitest";
import { findAll, parseWellFormedXml, textContent } from "./well-formed-xml";

describe("parseWellFormedXml (the TEI tests' checker)", () => {
  it("reads a document with a declaration, comments, CDATA, references and nested elements", () => {
    const root = parseWellFormedXml(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<TEI a="1" b='2'><p xml:id="p1">x &lt; y &amp; &#x1D504; &#1041;<![CDATA[<raw>]]></p><p/></TEI>\n`);
    expect(root.name).toBe("TEI");
    expect(root.attributes).toEqual({ a: "1", b: "2" });
    expect(findAll(root, "p").map(textContent)).toEqual(["x < y & 𝔄 Б<raw>", ""]);
  });

  it("applies a parser's normalisations: CRLF to LF in text, whitespace to spaces in attributes", () => {
    const root = parseWellFormedXml(`<r a="x\ty\nz&#10;">one\r\ntwo\rthree&#13;</r>`);
    expect(textContent(root)).toBe("one\ntwo\nthree\r");
    expect(root.attributes.a).toBe("x y z\n");
  });

  it.each([
    ["mismatched tags", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["a duplicate attribute", '<a x="1" x="2"/>'],
    ["an unquoted attribute", "<a x=1/>"],
    ["attributes without space between them", '<a x="1"y="2"/>'],
    ["< in an attribute value", '<a x="<"/>'],
    ["a bare ampersand", "<a>fish & chips</a>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a reference to a forbidden character", "<a>&#0;</a>"],
    ["a forbidden character", "<a>\u0001</a>"],
    ["text after the root", "<a/>text"],
    ["two roots", "<a/><b/>"],
    ["no root", "<!-- only a comment -->"],
    ["]]> in text", "<a>]]></a>"],
    ["-- inside a comment", "<a><!-- x -- y --></a>"],
  ])("rejects %s", (_case, xml) => {
    expect(() => parseWellFormedXml(xml)).toThrow(SyntaxError);
  });

  it("reads deep nesting without recursion", () => {
    const depth = 20_000;
    expect(findAll(parseWellFormedXml(`${"<d>".repeat(depth)}${"</d>".repeat(depth)}`), "d")).toHaveLength(depth);
  });
});
