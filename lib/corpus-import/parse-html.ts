import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeText } from "./decode-text";
import { htmlBlocks, type DomElementLike } from "./html-blocks";
import { assembleDocument, isoDay, refuse, type FileMetadata, type ParseOutcome } from "./parsed-document";

/** Larger pages are refused: a saved article is a few hundred kB, 10 MB is already a site dump. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

/**
 * A saved web page: Readability picks the main text (no navigation, ads, scripts or footers) from a
 * linkedom DOM, which never runs scripts or loads anything. Title, author, date and language come
 * from the page's meta tags (citation_*, Dublin Core, article:*), the URL from its canonical link or
 * the browser's "saved from" note.
 */
export function parseHtml(fileName: string, bytes: Uint8Array, { encoding }: { encoding?: string } = {}): ParseOutcome {
  if (bytes.byteLength > MAX_HTML_BYTES) return refuse(fileName, "this web page is larger than 10 MB; save only the article (File → Save as, “HTML only”) and try again.", { tooLarge: true });
  const decoded = decodeText(bytes, encoding ?? declaredCharset(bytes));
  if (!decoded.ok) return refuse(fileName, decoded.reason);
  const html = decoded.text;
  if (!/<[a-z!][^>]*>/i.test(html.slice(0, 4096))) return refuse(fileName, "it is named as a web page but holds no HTML.");
  const { document } = parseHTML(html);
  const metadata = readMeta(document, html);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  let blocks;
  if (article?.content) {
    const { document: fragment } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    blocks = htmlBlocks(fragment.body as unknown as DomElementLike);
    metadata.title ||= article.title ?? undefined;
    if (article.byline && !metadata.authors?.length) metadata.authors = [article.byline.replace(/^by\s+/i, "")];
    metadata.dateText ||= isoDay(article.publishedTime);
    metadata.language ||= article.lang ?? undefined;
  } else {
    const { document: again } = parseHTML(html);
    for (const noise of again.querySelectorAll("nav, header, footer, aside, script, style, form")) noise.remove();
    blocks = htmlBlocks(again.body as unknown as DomElementLike);
  }
  const warnings = article ? [] : ["Readability found no main article; the whole page's text was kept (without navigation, header and footer)."];
  return assembleDocument(fileName, blocks, { format: "html", metadata, warnings, encoding: decoded.encoding });
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset=["']?([A-Za-z0-9_-]+)/i.exec(head)?.[1];
  return charset && !/^utf-?8$/i.test(charset) ? charset.toLowerCase() : undefined;
}

interface MetaDocument {
  title: string;
  documentElement: { getAttribute(name: string): string | null } | null;
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }>;
}

function readMeta(document: MetaDocument, html: string): FileMetadata {
  const metas = new Map<string, string[]>();
  for (const meta of document.querySelectorAll("meta")) {
    const key = (meta.getAttribute("name") ?? meta.getAttribute("property") ?? "").toLowerCase();
    const content = meta.getAttribute("content");
    if (key && content) metas.set(key, [...(metas.get(key) ?? []), content]);
  }
  const first = (...keys: string[]) => keys.map((k) => metas.get(k)?.[0]).find(Boolean);
  const all = (...keys: string[]) => keys.flatMap((k) => metas.get(k) ?? []);
  let canonical: string | undefined;
  for (const link of document.querySelectorAll("link[rel=canonical]")) canonical ??= link.getAttribute("href") ?? undefined;
  // Browsers mark a saved page with its address: <!-- saved from url=(0041)https://... -->
  const savedFrom = /<!-- saved from url=\(\d+\)(https?:\/\/[^\s>]+) -->/.exec(html.slice(0, 4096))?.[1];
  const url = [canonical, first("og:url", "citation_public_url", "citation_abstract_html_url", "dc.identifier"), savedFrom].find((u) => u && /^https?:\/\//.test(u));
  const authors = all("citation_author", "dc.creator", "dcterms.creator", "article:author", "author").filter((a) => !/^https?:\/\//.test(a));
  return {
    title: first("citation_title", "dc.title", "dcterms.title", "og:title") ?? (document.title || undefined),
    authors,
    dateText: isoDay(first("citation_publication_date", "citation_date", "dc.date", "dcterms.date", "dcterms.issued", "article:published_time", "date")),
    language: first("citation_language", "dc.language", "dcterms.language") ?? document.documentElement?.getAttribute("lang") ?? undefined,
    publisher: first("citation_publisher", "dc.publisher", "og:site_name"),
    containerTitle: first("citation_journal_title", "citation_newspaper_title"),
    url,
    provenance: url ? `Web page saved from ${url}` : undefined,
  };
}
