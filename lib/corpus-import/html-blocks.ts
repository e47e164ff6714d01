import type { SourceBlock } from "./parsed-document";

/** The minimal DOM surface walked (linkedom's elements satisfy it). */
export interface DomElementLike {
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNodeLike>;
  getAttribute(name: string): string | null;
}
export interface DomNodeLike {
  nodeType: number;
  textContent: string | null;
}

const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
const BLOCKS = new Set(["P", "LI", "BLOCKQUOTE", "PRE", "DT", "DD", "FIGCAPTION", "CAPTION", "ADDRESS"]);
const NEVER_TEXT = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "CANVAS", "IFRAME", "OBJECT", "EMBED", "NAV", "FORM", "BUTTON", "SELECT", "TEXTAREA", "HEAD"]);

/**
 * An HTML fragment's blocks in document order: headings, paragraphs and list items as blocks, a
 * table a block per row (cells joined by " | "), footnote items (`id="footnote-n"` / `"endnote-n"`,
 * as mammoth writes them) as footnote blocks "n text". Only text is read; nothing is rendered.
 */
export function htmlBlocks(root: DomElementLike): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let loose: string[] = [];
  const flushLoose = () => {
    const text = loose.join("").trim();
    if (text) blocks.push({ text, role: "body" });
    loose = [];
  };
  const visit = (element: DomElementLike) => {
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType === 3) {
        loose.push(node.textContent ?? "");
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as unknown as DomElementLike;
      const tag = child.tagName.toUpperCase();
      if (NEVER_TEXT.has(tag)) continue;
      if (tag === "BR") {
        loose.push("\n");
        continue;
      }
      if (HEADINGS.has(tag)) {
        flushLoose();
        blocks.push({ text: inlineText(child), role: "heading" });
      } else if (tag === "TR") {
        flushLoose();
        const cells = Array.from(child.childNodes).filter((c) => c.nodeType === 1) as unknown as DomElementLike[];
        blocks.push({ text: cells.map((cell) => inlineText(cell)).join(" | "), role: "body" });
      } else if (tag === "LI" && /^(?:footnote|endnote)-\d+$/.test(child.getAttribute("id") ?? "")) {
        flushLoose();
        const number = /\d+$/.exec(child.getAttribute("id") ?? "")?.[0];
        blocks.push({ text: `${number} ${inlineText(child).replace(/\s*↑\s*$/, "")}`, role: "footnote" });
      } else if (BLOCKS.has(tag) && !hasBlockChildren(child)) {
        flushLoose();
        blocks.push({ text: tag === "LI" ? `– ${inlineText(child)}` : inlineText(child), role: "body" });
      } else if (isInline(tag)) {
        loose.push(inlineText(child));
      } else {
        flushLoose();
        visit(child);
        flushLoose();
      }
    }
  };
  visit(root);
  flushLoose();
  return blocks;
}

const INLINE = new Set(["A", "ABBR", "B", "BDI", "BDO", "CITE", "CODE", "DATA", "DFN", "EM", "I", "KBD", "MARK", "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR", "FONT", "INS"]);
function isInline(tag: string): boolean {
  return INLINE.has(tag);
}

function hasBlockChildren(element: DomElementLike): boolean {
  return Array.from(element.childNodes).some((node) => {
    if (node.nodeType !== 1) return false;
    const tag = (node as unknown as DomElementLike).tagName.toUpperCase();
    return BLOCKS.has(tag) || HEADINGS.has(tag) || tag === "TABLE" || tag === "UL" || tag === "OL" || tag === "DIV";
  });
}

function inlineText(element: DomElementLike): string {
  const parts: string[] = [];
  const walk = (node: DomElementLike) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? "");
      else if (child.nodeType === 1) {
        const el = child as unknown as DomElementLike;
        const tag = el.tagName.toUpperCase();
        if (NEVER_TEXT.has(tag)) continue;
        if (tag === "BR") parts.push(" ");
        else walk(el);
      }
    }
  };
  walk(element);
  return parts.join("").replace(/\s+/g, " ").trim();
}
