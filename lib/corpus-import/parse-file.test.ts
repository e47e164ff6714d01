import { describe, expect, it } from "vitest";
import { splitTextBlocks } from "../documents/split-text-blocks";
import {
  CYRILLIC_TEXT,
  HTML_SAMPLE,
  TEI_SAMPLE,
  encodeText,
  makeDocx,
  makeEncryptedPdf,
  makePdf,
  makeScannedPdf,
  makeZip,
  makeZipBomb,
} from "../../tests/fixtures/corpus-files";
import { parseFile } from "./parse-file";
import type { ParsedDocument, ParseOutcome } from "./parsed-document";

const utf8 = (text: string) => new TextEncoder().encode(text);

function parsed(outcome: ParseOutcome): ParsedDocument {
  if (!outcome.ok) throw new Error(`expected a parsed document, got: ${outcome.message}`);
  return outcome.document;
}
function refused(outcome: ParseOutcome): string {
  if (outcome.ok) throw new Error("expected a refusal");
  return outcome.message;
}
/** The page label of the block holding `needle`. */
function pageOf(document: ParsedDocument, needle: string): string | undefined {
  const at = document.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  return document.pageBreaks.filter((b) => b.offset <= at).at(-1)?.label;
}

describe("PDF", () => {
  it("keeps pages, drops running headers and page numbers, joins hyphenation, keeps Cyrillic and astral text", async () => {
    const bytes = await makePdf(
      [
        { heading: "Заседание первое", paragraphs: ["Съезд открылся 18 декабря 1925 года в Москве. Делегаты обсуждали вопросы индустриализации страны."], footnote: "1 Стенографический отчёт, с. 12." },
        { paragraphs: ["Оппозиция потерпела поражение 𝔸 на втором заседании."] },
        { paragraphs: ["Третья страница: решения съезда."] },
      ],
      { title: "Отчёт о съезде", author: "Иванов, Иван" },
    );
    const document = parsed(await parseFile("otchet.pdf", bytes));
    expect(document.format).toBe("pdf");
    expect(document.metadata).toMatchObject({ title: "Отчёт о съезде", authors: ["Иванов, Иван"], dateText: "1925-12-18" });
    expect(document.text).not.toContain("The Fourteenth Congress");
    expect(document.text).toContain("индустриализации страны");
    expect(document.text).toContain("𝔸");
    expect(document.pageBreaks.map((b) => b.label)).toEqual(["1", "2", "3"]);
    expect(pageOf(document, "Съезд открылся")).toBe("1");
    expect(pageOf(document, "Оппозиция")).toBe("2");
    expect(pageOf(document, "Третья страница")).toBe("3");
    // The heading and footnote keep their roles as the reading view derives them from the text.
    const roles = splitTextBlocks(document.text).map((b) => [b.text.slice(0, 12), b.role]);
    expect(roles).toContainEqual(["Заседание пе", "heading"]);
    expect(roles).toContainEqual(["1 Стенографи", "footnote"]);
    expect(document.text).not.toMatch(/^\d+$/m); // page numbers gone
  });

  it("refuses a scan, an encrypted PDF and a truncated one", async () => {
    expect(refused(await parseFile("scan.pdf", await makeScannedPdf()))).toBe("“scan.pdf”: this PDF has no text layer; run OCR on it first.");
    expect(refused(await parseFile("locked.pdf", makeEncryptedPdf()))).toMatch(/“locked\.pdf”: this PDF is encrypted/);
    const whole = await makePdf([{ paragraphs: ["Some text on a page that will be cut off."] }]);
    expect(refused(await parseFile("cut.pdf", whole.subarray(0, Math.floor(whole.length * 0.4))))).toMatch(/“cut\.pdf”: this PDF is damaged or truncated/);
  });
});

describe("DOCX", () => {
  it("reads headings, paragraphs, footnotes as footnote blocks, and core properties", async () => {
    const document = parsed(await parseFile("stenogramma.docx", await makeDocx()));
    expect(document.metadata).toMatchObject({ title: "Стенограмма XIV съезда", authors: ["Секретариат ЦК"] });
    const blocks = splitTextBlocks(document.text);
    expect(blocks[0]).toMatchObject({ text: "Заседание первое", role: "heading" });
    expect(document.text).toContain("Съезд открылся 18 декабря 1925 года.[1]");
    expect(document.text).toContain("𝔸");
    expect(blocks.filter((b) => b.role === "footnote").map((b) => b.text)).toEqual(["1 Стенографический отчёт, М., 1926, с. 12.", "2 Data suggest around 3 million."]);
  });

  it("refuses a .docx that is not a ZIP, and a ZIP bomb", async () => {
    expect(refused(await parseFile("old.docx", utf8("Just some text pretending")))).toMatch(/“old\.docx”: this is not a Word \.docx file/);
    expect(refused(await parseFile("bomb.docx", makeZipBomb()))).toMatch(/“bomb\.docx”: .*ZIP bomb/);
  });
});

describe("HTML", () => {
  it("keeps the article only, with its meta tags and saved-from URL; runs nothing", async () => {
    const document = parsed(await parseFile("congress.html", utf8(HTML_SAMPLE)));
    expect(document.text).toContain("XIV съезд ВКП(б) провозгласил");
    expect(document.text).toContain("𝔸");
    for (const noise of ["Home", "BUY CHEAP", "All rights reserved", "INJECTED", "window.evil"]) expect(document.text).not.toContain(noise);
    expect(document.metadata).toMatchObject({
      title: "Съезд индустриализации",
      authors: ["Петров, Пётр"],
      dateText: "1925-12-20",
      language: "ru",
      url: "https://news.example.org/1925/congress",
    });
    expect(document.metadata.provenance).toContain("https://news.example.org/1925/congress");
  });

  it("refuses HTML over 10 MB", async () => {
    const big = utf8(`<html><body>${"<p>словo </p>".repeat(1_000_000)}</body></html>`);
    expect(refused(await parseFile("huge.html", big))).toMatch(/“huge\.html”: this web page is larger than 10 MB/);
  });
});

describe("TEI", () => {
  it("maps the header to metadata and the body to headings, paragraphs, footnotes and pages", async () => {
    const document = parsed(await parseFile("speech.xml", utf8(TEI_SAMPLE)));
    expect(document.metadata).toMatchObject({
      title: "Речь на XIV съезде",
      authors: ["Сталин, Иосиф", "Бухарин, Николай"],
      dateText: "18 December 1925",
      place: "Moscow",
      language: "ru",
      archiveLocation: "Москва, РГАСПИ, ф. 17, оп. 2, д. 205",
      url: "https://example.org/tei/14",
    });
    expect(document.text).toBe(
      "Политический отчёт\n\nТоварищи! Индустриализация страны 𝔸 — наша задача.[1]\n\n1 Аплодисменты.\n\nВторой абзац на новой строке.",
    );
    expect(pageOf(document, "Политический")).toBe("12");
    expect(pageOf(document, "Второй абзац")).toBe("13");
    expect(splitTextBlocks(document.text).map((b) => b.role)).toEqual(["heading", "body", "footnote", "body"]);
  });

  it("never expands entities: external entities and billion laughs are refused", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TEI><text><body><p>&xxe;</p></body></text></TEI>`;
    expect(refused(await parseFile("xxe.xml", utf8(xxe)))).toMatch(/“xxe\.xml”: it declares entities/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><TEI><text><body><p>&lol2;</p></body></text></TEI>`;
    expect(refused(await parseFile("lol.xml", utf8(laughs)))).toMatch(/declares entities/);
    expect(refused(await parseFile("undefined.xml", utf8(`<TEI><text><body><p>&nbsp;</p></body></text></TEI>`)))).toMatch(/entity that is not defined/);
    expect(refused(await parseFile("other.xml", utf8(`<?xml version="1.0"?><catalog><item/></catalog>`)))).toMatch(/not TEI/);
  });
});

describe("plain text in legacy encodings", () => {
  it.each(["windows-1251", "koi8-r", "utf-16le"])("detects and decodes %s", async (encoding) => {
    const bytes = encodeText(CYRILLIC_TEXT, encoding);
    const withBom = encoding === "utf-16le" ? new Uint8Array([0xff, 0xfe, ...bytes]) : bytes;
    const document = parsed(await parseFile("s'ezd.txt", withBom));
    expect(document.encoding).toBe(encoding);
    expect(document.text).toBe(CYRILLIC_TEXT);
  });

  it("keeps UTF-8 with astral characters, takes a Markdown title, and obeys an encoding override", async () => {
    const markdown = parsed(await parseFile("notes.md", utf8("# Заметки 𝔸\n\nТекст.")));
    expect(markdown).toMatchObject({ format: "markdown", mediaType: "text/markdown", metadata: { title: "Заметки 𝔸" }, text: "# Заметки 𝔸\n\nТекст." });
    const latin = parsed(await parseFile("latin.txt", encodeText("Größe und Übung, café, déjà vu — cela suffit pour détecter l'encodage.", "windows-1252"), { encoding: "windows-1252" }));
    expect(latin.text).toContain("Größe und Übung");
  });

  it("refuses empty files, byte soup, binaries and lying extensions", async () => {
    expect(refused(await parseFile("empty.txt", new Uint8Array()))).toBe("“empty.txt”: the file is empty.");
    expect(refused(await parseFile("blank.md", utf8("  \n\n ")))).toMatch(/“blank\.md”: .*empty/i);
    let seed = 7;
    const soup = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed % 255) + 1)); // no NUL: not "binary"
    expect(refused(await parseFile("soup.txt", soup))).toMatch(/“soup\.txt”: /);
    expect(refused(await parseFile("fake.pdf", utf8("Hello, I am text")))).toMatch(/“fake\.pdf”: its name says PDF, but its content is plain text/);
    const pdf = await makePdf([{ paragraphs: ["A real PDF"] }]);
    expect(refused(await parseFile("report.docx", pdf))).toMatch(/“report\.docx”: this is not a Word \.docx file .*this is a PDF/);
    expect(refused(await parseFile("notes.txt", pdf))).toMatch(/“notes\.txt”: its name says Plain text, but its content is a PDF/);
    expect(refused(await parseFile("image.png", new Uint8Array([0x89, 0x50])))).toMatch(/\.png files are not supported/);
  });
});

describe("ZIP archives as .docx", () => {
  it("refuses too many entries and path traversal", async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 5_000; i += 1) many[`f${i}.txt`] = "x";
    expect(refused(await parseFile("many.docx", makeZip(many)))).toMatch(/more than 1,000 entries/);
    expect(refused(await parseFile("evil.docx", makeZip({ "../../x": "boo", "word/document.xml": "<w/>" })))).toMatch(/points outside/);
  });
});
