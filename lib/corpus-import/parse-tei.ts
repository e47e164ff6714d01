import { decodeText } from "./decode-text";
import { assembleDocument, isoDay, refuse, type FileMetadata, type ParseOutcome, type SourceBlock } from "./parsed-document";
import { childElements, findElement, findElements, parseXmlTree, textOf, type XmlElement } from "./xml-tree";

/** Elements whose content is not the source's running text. */
const SKIPPED = new Set(["teiHeader", "fw", "figDesc", "del", "sic", "orig", "abbr", "facsimile", "standOff", "interpGrp", "interp", "link", "linkGrp"]);
/** Elements that hold a block of text of their own. */
const BLOCK_ROLE: Record<string, SourceBlock["role"]> = { head: "heading", p: "body", ab: "body", item: "body", l: "body", row: "body", quote: "body", label: "body", byline: "body", dateline: "body", salute: "body", signed: "body", closer: "body", opener: "body", trailer: "body" };

/**
 * A TEI P5 document: the header gives title, authors, date, place, archive reference and language;
 * the body's head/p/note/pb/lb/hi give headings, paragraphs, footnotes (numbered after their
 * paragraph, with "[n]" left where they were called) and pages.
 */
export function parseTei(fileName: string, bytes: Uint8Array): ParseOutcome {
  const decoded = decodeText(bytes, xmlDeclaredEncoding(bytes));
  if (!decoded.ok) return refuse(fileName, decoded.reason);
  const tree = parseXmlTree(decoded.text.replace(/^\uFEFF/, ""));
  if (!tree.ok) return refuse(fileName, tree.reason);
  const tei = tree.root.name === "TEI" ? tree.root : tree.root.name === "teiCorpus" ? childElements(tree.root, "TEI")[0] : undefined;
  if (!tei) return refuse(fileName, `it is XML, but not TEI (its root element is <${tree.root.name}>, not <TEI>).`);
  const header = findElement(tei, "teiHeader");
  const body = findElement(tei, "body") ?? findElement(tei, "text");
  if (!body) return refuse(fileName, "this TEI file has no <text><body>.");

  const walker = new BodyWalker();
  walker.walk(body);
  return assembleDocument(fileName, walker.blocks, { format: "tei", metadata: readHeader(header, tei) });
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(head)?.[1];
  return declared && !/^utf-?8$/i.test(declared) ? declared : undefined;
}

function readHeader(header: XmlElement | undefined, tei: XmlElement): FileMetadata {
  if (!header) return {};
  const titleStmt = findElement(header, "titleStmt");
  const titles = titleStmt ? childElements(titleStmt, "title") : [];
  const title = titles.find((t) => t.attributes.type === "main") ?? titles[0];
  const authors = titleStmt ? childElements(titleStmt, "author").map((a) => textOf(findElement(a, "persName") ?? a)) : [];
  const sourceDesc = findElement(header, "sourceDesc");
  const dateElement = (sourceDesc && findElement(sourceDesc, "date")) ?? findElement(header, "creation") ?? findElement(header, "date");
  const date = dateElement && (dateElement.name === "date" ? dateElement : findElement(dateElement, "date"));
  const dateText = date ? (textOf(date) || isoDay(date.attributes.when ?? date.attributes.notBefore)) : undefined;
  const place = sourceDesc && (textOf(findElement(sourceDesc, "pubPlace")) || textOf(findElement(sourceDesc, "placeName")) || undefined);
  const msIdentifier = findElement(header, "msIdentifier");
  const archiveLocation = msIdentifier
    ? ["settlement", "institution", "repository", "collection", "idno"].map((name) => textOf(findElement(msIdentifier, name))).filter(Boolean).join(", ")
    : textOf(sourceDesc && findElement(sourceDesc, "idno")) || undefined;
  const languageElement = findElement(header, "language");
  const language = languageElement?.attributes.ident ?? tei.attributes["xml:lang"] ?? findElement(tei, "text")?.attributes["xml:lang"];
  const publicationStmt = findElement(header, "publicationStmt");
  const url = findElements(header, "idno").find((idno) => /^https?:\/\//.test(textOf(idno)));
  return {
    title: textOf(title),
    authors,
    dateText,
    place,
    archiveLocation: archiveLocation || undefined,
    language,
    publisher: textOf(publicationStmt && findElement(publicationStmt, "publisher")) || undefined,
    provenance: fieldsText(sourceDesc && findElement(sourceDesc, "bibl")) || undefined,
    url: url ? textOf(url) : undefined,
  };
}

/**
 * A `<bibl>`'s text as a line of fields: "18 December 1925, Moscow" where the file has
 * `<date>18 December 1925</date><pubPlace>Moscow</pubPlace>` with nothing between them (textOf
 * would run them together). Text between the fields, punctuation included, is kept as written.
 */
function fieldsText(element: XmlElement | undefined): string {
  if (!element) return "";
  const FIELD = "\u0000";
  const joined = element.children.map((child) => (typeof child === "string" ? child : `${FIELD}${textOf(child)}${FIELD}`)).join("");
  return joined
    .replace(new RegExp(`${FIELD}\\s*${FIELD}`, "g"), ", ")
    .replaceAll(FIELD, " ")
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:])/g, "$1")
    .trim();
}

/** Walks <body> in document order, collecting blocks; notes become footnotes after their block. */
class BodyWalker {
  blocks: SourceBlock[] = [];
  private page: string | undefined;
  private noteCount = 0;
  private pendingNotes: SourceBlock[] = [];

  walk(element: XmlElement): void {
    for (const child of element.children) {
      if (typeof child === "string") continue; // whitespace between blocks
      this.visit(child);
    }
  }

  private visit(element: XmlElement): void {
    if (SKIPPED.has(element.name)) return;
    if (element.name === "pb") {
      this.page = element.attributes.n ?? String(this.pageCount() + 1);
      return;
    }
    if (element.name === "note") {
      this.noteBlock(element);
      this.flushNotes();
      return;
    }
    const role = BLOCK_ROLE[element.name];
    if (role) {
      const page = this.page;
      const text = this.inline(element);
      this.blocks.push({ text: element.name === "item" ? `– ${text}` : text, role, ...(page ? { page } : {}) });
      this.flushNotes();
      return;
    }
    if (element.name === "lg") {
      const lines = childElements(element).filter((c) => c.name === "l").map((l) => this.inline(l));
      this.blocks.push({ text: lines.join(" / "), role: "body", ...(this.page ? { page: this.page } : {}) });
      this.flushNotes();
      return;
    }
    if (element.name === "table") {
      for (const row of findElements(element, "row")) {
        this.blocks.push({ text: childElements(row, "cell").map((cell) => this.inline(cell)).join(" | "), role: "body", ...(this.page ? { page: this.page } : {}) });
      }
      this.flushNotes();
      return;
    }
    this.walk(element); // div, list, sp, floatingText ... hold blocks
  }

  private pageCount(): number {
    return new Set(this.blocks.map((b) => b.page)).size;
  }

  /** A block's running text: hi and the like flattened, lb as a space, notes moved out as footnotes. */
  private inline(element: XmlElement): string {
    const parts: string[] = [];
    const walk = (node: XmlElement) => {
      for (const child of node.children) {
        if (typeof child === "string") {
          parts.push(child);
          continue;
        }
        if (SKIPPED.has(child.name)) continue;
        if (child.name === "note") parts.push(`[${this.noteBlock(child)}]`);
        else if (child.name === "lb") parts.push(child.attributes.break === "no" ? "" : " ");
        else if (child.name === "pb") this.page = child.attributes.n ?? this.page;
        else if (child.name === "choice") {
          const preferred = childElements(child).find((c) => ["corr", "reg", "expan"].includes(c.name)) ?? childElements(child)[0];
          if (preferred) walk(preferred);
        } else walk(child);
      }
    };
    walk(element);
    return parts.join("").replace(/\s+/g, " ").trim();
  }

  /** Queues a note as a footnote block ("n text") and answers its number. */
  private noteBlock(note: XmlElement): string {
    this.noteCount += 1;
    const n = /^\d{1,3}$/.test(note.attributes.n ?? "") ? note.attributes.n! : String(this.noteCount);
    this.pendingNotes.push({ text: `${n} ${this.inline(note)}`, role: "footnote", ...(this.page ? { page: this.page } : {}) });
    return n;
  }

  private flushNotes(): void {
    this.blocks.push(...this.pendingNotes);
    this.pendingNotes = [];
  }
}
