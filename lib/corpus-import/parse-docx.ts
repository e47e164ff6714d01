import mammoth from "mammoth";
import { htmlBlocks, type DomElementLike } from "./html-blocks";
import { parseHTML } from "linkedom";
import { assembleDocument, isoDay, refuse, type ParseOutcome } from "./parsed-document";
import { looksLikeZip, safeUnzip } from "./safe-unzip";
import { childElements, parseXmlTree, textOf } from "./xml-tree";

/**
 * A Word .docx: mammoth turns it into semantic HTML (headings, paragraphs, lists, tables,
 * footnotes and endnotes), which is read into blocks; the core properties (title, creator,
 * created, language) prefill the metadata. The archive is first unpacked under the ZIP limits, so
 * a bomb is refused before mammoth sees it.
 */
export async function parseDocx(fileName: string, bytes: Uint8Array): Promise<ParseOutcome> {
  if (!looksLikeZip(bytes)) {
    return refuse(fileName, "this is not a Word .docx file (a .docx is a ZIP archive; this one is not). If it is an old .doc, open it in Word or LibreOffice and save it as .docx.");
  }
  const unzipped = safeUnzip(bytes, () => true);
  if (!unzipped.ok) return refuse(fileName, unzipped.reason);
  if (!unzipped.files.has("word/document.xml")) return refuse(fileName, "this ZIP is not a Word document (it has no word/document.xml).");

  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (error) {
    return refuse(fileName, `this Word document cannot be read (${error instanceof Error ? error.message.slice(0, 120) : "damaged"}).`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = htmlBlocks(document.body as unknown as DomElementLike);

  const metadata: { title?: string; authors?: string[]; dateText?: string; language?: string } = {};
  const core = unzipped.files.get("docProps/core.xml");
  if (core) {
    const tree = parseXmlTree(new TextDecoder().decode(core));
    if (tree.ok) {
      const field = (name: string) => textOf(childElements(tree.root, name)[0]) || undefined;
      metadata.title = field("title");
      metadata.authors = field("creator")?.split(/;\s*/);
      metadata.dateText = isoDay(field("created"));
      metadata.language = field("language");
    }
  }
  return assembleDocument(fileName, blocks, { format: "docx", metadata });
}
