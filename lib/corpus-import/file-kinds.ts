import type { CorpusFormat } from "./parsed-document";

/** The largest single file accepted, before parsing (a 300-page PDF scan with text is ~15 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const EXTENSION_FORMAT: Record<string, CorpusFormat> = {
  pdf: "pdf",
  docx: "docx",
  html: "html",
  htm: "html",
  xhtml: "html",
  xml: "tei",
  tei: "tei",
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
};

export const ACCEPTED_EXTENSIONS = Object.keys(EXTENSION_FORMAT).map((ext) => `.${ext}`);

export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
}

