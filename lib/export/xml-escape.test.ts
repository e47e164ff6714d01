import { describe, expect, it } from "vitest";
import { parseWellFormedXml, textContent } from "./well-formed-xml";
import { escapeXmlAttribute, escapeXmlText } from "./xml-escape";

describe("escapeXmlText", () => {
  it("escapes markup characters and leaves Cyrillic, curly quotes and astral characters as they are", () => {
    expect(escapeXmlText(`<script>alert("x")</script> & ]]>`)).toBe(`&lt;script&gt;alert("x")&lt;/script&gt; &amp; ]]&gt;`);
    expect(escapeXmlText("𝔄 «Роста» “90%”")).toBe("𝔄 «Роста» “90%”");
  });

  it("writes CR as a character reference, so a parser's line-end normalisation cannot drop it", () => {
    const text = "one\r\ntwo\rthree\nfour";
    expect(escapeXmlText(text)).toBe("one&#13;\ntwo&#13;three\nfour");
    expect(textContent(parseWellFormedXml(`<p>${escapeXmlText(text)}</p>`))).toBe(text);
  });

  it("replaces characters XML 1.0 forbids with U+FFFD, one for one, so offsets after them hold", () => {
    const text = "a\u0000b\u0008c\uFFFEd\uFFFFe\uD800f\uDC00g\u000Bh";
    const escaped = escapeXmlText(text);
    expect(escaped).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh");
    expect([...escaped].length).toBe([...text].length);
    expect(() => parseWellFormedXml(`<p>${escaped}</p>`)).not.toThrow();
  });

  it("keeps tab, LF, valid surrogate pairs and the last valid BMP character", () => {
    expect(escapeXmlText("\t\n𝔄\uFFFD")).toBe("\t\n𝔄\uFFFD");
  });
});

describe("escapeXmlAttribute", () => {
  it("escapes both quotes and the whitespace a parser would fold into spaces", () => {
    const value = `He said "no" & 'never'\tthen\nleft\r<`;
    const escaped = escapeXmlAttribute(value);
    expect(escaped).toBe("He said &quot;no&quot; &amp; &apos;never&apos;&#9;then&#10;left&#13;&lt;");
    expect(parseWellFormedXml(`<x a="${escaped}" b='${escaped}'/>`).attributes).toEqual({ a: value, b: value });
  });

  it("replaces forbidden characters in attributes too", () => {
    expect(escapeXmlAttribute("x\u0001y")).toBe("x\uFFFDy");
  });
});
