/**
 * The one shape every corpus parser returns: the plain text (the source of truth every annotation
 * anchors to), its blocks with their roles and pages, the file's own metadata, and warnings about
 * what was dropped. Parsers never throw on bad input: they answer `{ ok: false, message }`.
 */
export const CORPUS_FORMATS = ["pdf", "docx", "html", "tei", "text", "markdown"] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

export const FORMAT_LABEL: Record<CorpusFormat, string> = {
  pdf: "PDF",
  docx: "Word (.docx)",
  html: "Web page",
  tei: "TEI XML",
  text: "Plain text",
  markdown: "Markdown",
};

export type BlockRole = "heading" | "body" | "footnote";

/** A block as a parser finds it, before the text is assembled. `page` is the page's label ("12", "iv"). */
export interface SourceBlock {
  text: string;
  role: BlockRole;
  page?: string;
}

/** A page starting at `offset` (UTF-16 units into the text), labelled as the source numbers it. */
export interface PageBreak {
  offset: number;
  label: string;
}

/** Metadata a file may carry about itself; the form and the metadata schema validate it later. */
export interface FileMetadata {
  title?: string;
  authors?: string[];
  dateText?: string;
  place?: string;
  language?: string;
  provenance?: string;
  publisher?: string;
  containerTitle?: string;
  url?: string;
  archiveLocation?: string;
}

export interface ParsedBlock {
  start: number;
  end: number;
  role: BlockRole;
}

export interface ParsedDocument {
  format: CorpusFormat;
  mediaType: "text/plain" | "text/markdown";
  text: string;
  blocks: ParsedBlock[];
  pageBreaks: PageBreak[];
  metadata: FileMetadata;
  /** The text encoding a plain-text file was read with ("utf-8", "windows-1251", ...). */
  encoding?: string;
  warnings: string[];
}

/** A refusal; `tooLarge` when the only problem is size (answered 413 rather than 422). */
export type ParseOutcome = { ok: true; document: ParsedDocument } | { ok: false; message: string; tooLarge?: boolean };

/** The largest text a document may have, in bytes of UTF-8 (as lib/documents/read-document-text.ts). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export function refuse(fileName: string, reason: string, { tooLarge = false }: { tooLarge?: boolean } = {}): ParseOutcome {
  return { ok: false, message: `“${fileName}”: ${reason}`, ...(tooLarge ? { tooLarge } : {}) };
}

/** Characters binary files have and text never does (C0 controls but tab, newline, form feed). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** One block's text as stored: no control characters, no blank lines inside, spaces collapsed. */
export function cleanBlockText(raw: string): string {
  return raw
    .replace(CONTROL, "")
    .replace(/\u00AD/g, "") // soft hyphens are line-breaking hints, not text
    .replace(/[ \t\u00A0\f\r]*\n[ \t\u00A0\f\r\n]*/g, "\n")
    .replace(/[ \t\u00A0\f\r]+/g, " ")
    .trim();
}

/**
 * Joins blocks into the document's text (one blank line between blocks, the form
 * normaliseDocumentText keeps) and records where each block and each new page starts.
 */
export function assembleDocument(
  fileName: string,
  sourceBlocks: readonly SourceBlock[],
  rest: { format: CorpusFormat; metadata: FileMetadata; warnings?: string[]; encoding?: string; mediaType?: ParsedDocument["mediaType"] },
): ParseOutcome {
  const parts: string[] = [];
  const blocks: ParsedBlock[] = [];
  const pageBreaks: PageBreak[] = [];
  let offset = 0;
  let page: string | undefined;
  for (const source of sourceBlocks) {
    const text = cleanBlockText(source.text);
    if (!text) continue;
    if (parts.length > 0) offset += 2;
    if (source.page !== undefined && source.page !== page) {
      pageBreaks.push({ offset, label: source.page });
      page = source.page;
    }
    blocks.push({ start: offset, end: offset + text.length, role: source.role });
    parts.push(text);
    offset += text.length;
  }
  const text = parts.join("\n\n");
  if (!text) return refuse(fileName, "no text was found in this file.");
  if (Buffer.byteLength(text, "utf8") > MAX_TEXT_BYTES) {
    return refuse(fileName, "its text is larger than 5 MB, the limit for one document. Split it into parts and add each as a document.", { tooLarge: true });
  }
  return {
    ok: true,
    document: {
      format: rest.format,
      mediaType: rest.mediaType ?? "text/plain",
      text,
      blocks,
      pageBreaks,
      metadata: compactMetadata(rest.metadata),
      ...(rest.encoding ? { encoding: rest.encoding } : {}),
      warnings: rest.warnings ?? [],
    },
  };
}

/** Drops empty fields and trims the rest, so a prefilled form shows only what the file really says. */
export function compactMetadata(metadata: FileMetadata): FileMetadata {
  const out: FileMetadata = {};
  for (const [key, value] of Object.entries(metadata) as [keyof FileMetadata, FileMetadata[keyof FileMetadata]][]) {
    if (Array.isArray(value)) {
      const list = value.map((v) => cleanBlockText(v).replace(/\n/g, " ")).filter(Boolean);
      if (list.length > 0) (out as Record<string, unknown>)[key] = [...new Set(list)].slice(0, 50);
    } else if (typeof value === "string") {
      const clean = cleanBlockText(value).replace(/\n/g, " ");
      if (clean) (out as Record<string, unknown>)[key] = clean;
    }
  }
  return out;
}

/** A title made from a file's name: "rabochaya_gazeta-1925.txt" → "rabochaya gazeta 1925". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[A-Za-z0-9]{1,8}$/, "");
  return stem.replace(/[_]+/g, " ").replace(/\s+/g, " ").trim() || base;
}

/** Metadata dates as the metadata form writes them: "2021-03-04" from ISO strings and PDF dates. */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter(Boolean).join("-");
  const iso = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value.trim());
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join("-");
  return value.trim() || undefined;
}
