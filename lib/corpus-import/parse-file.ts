import { EXTENSION_FORMAT, MAX_FILE_BYTES, extensionOf } from "./file-kinds";
import { looksLikeZip } from "./safe-unzip";
import { parseDocx } from "./parse-docx";
import { parseHtml } from "./parse-html";
import { parsePdf } from "./parse-pdf";
import { parseTei } from "./parse-tei";
import { parseText } from "./parse-text";
import { FORMAT_LABEL, refuse, type CorpusFormat, type ParseOutcome } from "./parsed-document";

/** What the bytes are, whatever the name says: "pdf", "zip", "xml", "html", "text" or "binary". */
export function sniffContent(bytes: Uint8Array): "pdf" | "zip" | "tei" | "html" | "text" | "binary" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  if (head.startsWith("%PDF-")) return "pdf";
  if (looksLikeZip(bytes)) return "zip";
  if (/^(\uFEFF|ï»¿|\xFF\xFE|\xFE\xFF)?\s*<\?xml/.test(head) || /<TEI[\s>]/.test(head)) return /<html[\s>]/i.test(head) ? "html" : "tei";
  if (/^(\uFEFF|ï»¿)?\s*(<!--[^]*?-->\s*)*<(!doctype html|html|head|body)[\s>]/i.test(head)) return "html";
  if (/^(\xFF\xFE|\xFE\xFF)/.test(head)) return "text"; // UTF-16 with a byte-order mark
  if (head.includes("\0")) return "binary";
  return "text";
}

export interface ParseFileOptions {
  /** A text file's encoding chosen by the user, overriding detection. */
  encoding?: string;
}

/**
 * Reads one uploaded file of any supported format into a ParsedDocument, or says clearly why not
 * (naming the file). The name's extension must agree with the content: a PDF named .docx is refused
 * rather than guessed at.
 */
export async function parseFile(fileName: string, bytes: Uint8Array, options: ParseFileOptions = {}): Promise<ParseOutcome> {
  if (bytes.byteLength === 0) return refuse(fileName, "the file is empty.");
  if (bytes.byteLength > MAX_FILE_BYTES) return refuse(fileName, `the file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file.`, { tooLarge: true });
  const extension = extensionOf(fileName);
  const sniffed = sniffContent(bytes);
  const named = EXTENSION_FORMAT[extension];
  if (!named) {
    if (extension) return refuse(fileName, `.${extension} files are not supported; add PDF, Word (.docx), web pages (.html), TEI (.xml), or plain text and Markdown (.txt, .md).`);
  }
  const format: CorpusFormat = named ?? (sniffed === "pdf" ? "pdf" : sniffed === "zip" ? "docx" : sniffed === "tei" ? "tei" : sniffed === "html" ? "html" : "text");
  const expected: Record<CorpusFormat, string[]> = { pdf: ["pdf"], docx: ["zip"], html: ["html", "text", "tei"], tei: ["tei"], text: ["text", "html", "tei"], markdown: ["text", "html"] };
  if (sniffed === "binary" && format !== "docx" && format !== "pdf") return refuse(fileName, "this is a binary file, not text.");
  if (!expected[format].includes(sniffed)) {
    const actual = sniffed === "zip" ? "a ZIP archive" : sniffed === "pdf" ? "a PDF" : sniffed === "tei" ? "XML" : sniffed === "html" ? "a web page" : sniffed === "binary" ? "binary data" : "plain text";
    if (format === "docx" && sniffed !== "zip") {
      return refuse(fileName, `this is not a Word .docx file (a .docx is a ZIP archive; this is ${actual}). If it is an old .doc, save it as .docx.`);
    }
    return refuse(fileName, `its name says ${FORMAT_LABEL[format]}, but its content is ${actual}. Rename it with the right extension and try again.`);
  }
  switch (format) {
    case "pdf":
      return parsePdf(fileName, bytes);
    case "docx":
      return parseDocx(fileName, bytes);
    case "html":
      return parseHtml(fileName, bytes, options);
    case "tei":
      return parseTei(fileName, bytes);
    case "text":
    case "markdown":
      return parseText(fileName, bytes, { markdown: format === "markdown", encoding: options.encoding });
  }
}
