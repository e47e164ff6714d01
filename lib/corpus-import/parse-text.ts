import { normaliseDocumentText } from "../documents/read-document-text";
import { isAppError } from "../errors";
import { decodeText } from "./decode-text";
import { refuse, type ParseOutcome, type SourceBlock, assembleDocument } from "./parsed-document";

/**
 * A plain-text or Markdown file in any common encoding. Blank lines separate blocks; a form feed
 * (as pdftotext writes) starts a new page. A Markdown file's first "# heading" is its title.
 */
export function parseText(fileName: string, bytes: Uint8Array, { markdown, encoding }: { markdown: boolean; encoding?: string }): ParseOutcome {
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok) return refuse(fileName, decoded.reason);
  const pages = decoded.text.split("\f");
  const blocks: SourceBlock[] = [];
  for (const [index, page] of pages.entries()) {
    let normalised: string;
    try {
      normalised = normaliseDocumentText(page);
    } catch (error) {
      if (isAppError(error) && /empty/.test(error.message)) continue;
      return refuse(fileName, isAppError(error) ? error.message : "it cannot be read as text.");
    }
    for (const block of normalised.split("\n\n")) blocks.push({ text: block, role: "body", ...(pages.length > 1 ? { page: String(index + 1) } : {}) });
  }
  if (blocks.length === 0) return refuse(fileName, "the file is empty.");
  const title = markdown ? /^#\s+(.+)$/m.exec(decoded.text)?.[1] : undefined;
  // Keep lines inside a block as they were: plain text is its own layout.
  const outcome = assembleDocument(fileName, blocks, {
    format: markdown ? "markdown" : "text",
    mediaType: markdown ? "text/markdown" : "text/plain",
    metadata: { title },
    encoding: decoded.encoding,
  });
  return outcome;
}
