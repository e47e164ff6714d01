import type { TextItem } from "pdfjs-dist/types/src/display/api";
import { dropRunningLines, linesToBlocks, runsToLines, type PdfLine, type PdfRun } from "./pdf-layout";
import { assembleDocument, isoDay, refuse, type ParseOutcome } from "./parsed-document";

export const MAX_PDF_PAGES = 3_000;
export const NO_TEXT_LAYER = "this PDF has no text layer; run OCR on it first.";

/**
 * A PDF with a text layer, through pdf.js (legacy build, for Node): text in reading order, page by
 * page, with page boundaries kept (labels as the PDF numbers its pages), running headers, footers
 * and page numbers dropped, hyphenation at line ends joined. A scan without text, an encrypted or a
 * damaged file is refused with a reason.
 */
export async function parsePdf(fileName: string, bytes: Uint8Array): Promise<ParseOutcome> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-")) return refuse(fileName, "this is not a PDF (it does not start with %PDF).");
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") return refuse(fileName, "this PDF is encrypted (password-protected); save an unprotected copy and try again.");
    return refuse(fileName, "this PDF is damaged or truncated and cannot be read.");
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) return refuse(fileName, `this PDF has ${pdf.numPages.toLocaleString("en")} pages; the limit is ${MAX_PDF_PAGES.toLocaleString("en")}.`);
    const pages: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const run = item as TextItem;
        const [a = 0, b = 0, , , x = 0, y = 0] = run.transform as number[];
        runs.push({ str: run.str, x, y, width: run.width, size: run.height || Math.hypot(a, b), hasEOL: run.hasEOL });
      }
      pages.push(runsToLines(runs));
      page.cleanup();
    }
    const characters = pages.flat().reduce((sum, line) => sum + line.text.replace(/\s/g, "").length, 0);
    if (characters < 20) return refuse(fileName, NO_TEXT_LAYER);
    const warnings: string[] = [];
    const empty = pages.flatMap((lines, index) => (lines.length === 0 ? [index + 1] : []));
    if (empty.length > 0) warnings.push(`No text on page${empty.length > 1 ? "s" : ""} ${empty.slice(0, 10).join(", ")}${empty.length > 10 ? "…" : ""} (images only?).`);

    const labels = (await pdf.getPageLabels().catch(() => null)) ?? [];
    const blocks = linesToBlocks(dropRunningLines(pages), labels);
    const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const field = (key: string) => {
      const value = (info as Record<string, unknown>)[key];
      return typeof value === "string" && value.trim() ? value.trim() : undefined;
    };
    const title = (metadata?.get("dc:title") as string | undefined) ?? field("Title");
    return assembleDocument(fileName, blocks, {
      format: "pdf",
      warnings,
      metadata: {
        title: title?.replace(/^Microsoft Word - /, ""),
        authors: field("Author")?.split(/;\s*/),
        dateText: isoDay(field("CreationDate")),
        language: field("Language") ?? undefined,
      },
    });
  } catch {
    return refuse(fileName, "this PDF is damaged or truncated and cannot be read.");
  } finally {
    await pdf.destroy();
  }
}
