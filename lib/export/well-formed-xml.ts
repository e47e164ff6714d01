/**
 * A strict, small XML 1.0 reader for the TEI export's tests (no XML library is installed, and the
 * app itself never reads XML). It throws on anything not well-formed: unbalanced or mismatched
 * tags, unquoted or duplicate attributes, `<` in attribute values, unknown entities, characters
 * XML forbids, text outside the root. It applies the parser's normalisations (CRLF → LF, tabs and
 * line breaks in attribute values → spaces) so tests see what any XML consumer would see.
 * No DTDs, no namespaces processing: names are kept as written ("xml:id").
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: (XmlNode | string)[];
}

const NAME = /[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/y;
const INVALID_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseWellFormedXml(source: string): XmlNode {
  const invalid = INVALID_CHARACTER.exec(source);
  if (invalid) throw new SyntaxError(`Character U+${(invalid[0].codePointAt(0) ?? 0).toString(16)} is not allowed in XML (at ${invalid.index}).`);
  const xml = source.replace(/\r\n?/g, "\n");
  const reader = { xml, at: 0 };
  if (xml.startsWith("<?xml")) skipPast(reader, "?>");
  skipMisc(reader);
  const root = readElement(reader);
  skipMisc(reader);
  if (reader.at !== xml.length) fail(reader, "Content after the root element");
  return root;
}

interface Reader {
  xml: string;
  at: number;
}

function fail(reader: Reader, message: string): never {
  throw new SyntaxError(`${message} at offset ${reader.at}: ${JSON.stringify(reader.xml.slice(reader.at, reader.at + 30))}`);
}

function skipPast(reader: Reader, terminator: string) {
  const end = reader.xml.indexOf(terminator, reader.at);
  if (end < 0) fail(reader, `Missing ${terminator}`);
  reader.at = end + terminator.length;
}

function skipMisc(reader: Reader) {
  for (;;) {
    while (/\s/.test(reader.xml[reader.at] ?? "")) reader.at += 1;
    if (reader.xml.startsWith("<!--", reader.at)) skipComment(reader);
    else if (reader.xml.startsWith("<?", reader.at)) skipPast(reader, "?>");
    else return;
  }
}

function skipComment(reader: Reader) {
  const end = reader.xml.indexOf("-->", reader.at + 4);
  if (end < 0 || reader.xml.slice(reader.at + 4, end).includes("--")) fail(reader, "Bad comment");
  reader.at = end + 3;
}

function readName(reader: Reader): string {
  NAME.lastIndex = reader.at;
  const match = NAME.exec(reader.xml);
  if (!match) fail(reader, "Expected a name");
  reader.at += match[0].length;
  return match[0];
}

/** Iterative, so a deeply nested test document cannot overflow the stack. */
function readElement(reader: Reader): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  do {
    const parent = stack.at(-1);
    if (parent && !reader.xml.startsWith("<", reader.at)) {
      parent.children.push(readText(reader));
    } else if (parent && reader.xml.startsWith("</", reader.at)) {
      reader.at += 2;
      if (readName(reader) !== parent.name) fail(reader, `Mismatched end tag for <${parent.name}>`);
      expect(reader, /\s*>/y);
      stack.pop();
    } else if (parent && reader.xml.startsWith("<!--", reader.at)) {
      skipComment(reader);
    } else if (parent && reader.xml.startsWith("<![CDATA[", reader.at)) {
      const end = reader.xml.indexOf("]]>", reader.at);
      if (end < 0) fail(reader, "Unclosed CDATA section");
      parent.children.push(reader.xml.slice(reader.at + 9, end));
      reader.at = end + 3;
    } else if (parent && reader.xml.startsWith("<?", reader.at)) {
      skipPast(reader, "?>");
    } else {
      const { node, selfClosing } = readStartTag(reader);
      if (parent) parent.children.push(node);
      else root = node;
      if (!selfClosing) stack.push(node);
    }
    if (stack.length > 0 && reader.at >= reader.xml.length) fail(reader, `Unclosed <${stack.at(-1)?.name}>`);
  } while (stack.length > 0);
  if (!root) fail(reader, "No root element");
  return root;
}

function readStartTag(reader: Reader): { node: XmlNode; selfClosing: boolean } {
  if (!reader.xml.startsWith("<", reader.at)) fail(reader, "Expected an element");
  reader.at += 1;
  const node: XmlNode = { name: readName(reader), attributes: {}, children: [] };
  for (;;) {
    const hadSpace = expect(reader, /\s*/y) !== "";
    const close = /\/?>/y;
    close.lastIndex = reader.at;
    const closing = close.exec(reader.xml)?.[0];
    if (closing) {
      reader.at += closing.length;
      return { node, selfClosing: closing === "/>" };
    }
    if (!hadSpace) fail(reader, "Expected whitespace before an attribute");
    const name = readName(reader);
    if (Object.hasOwn(node.attributes, name)) fail(reader, `Duplicate attribute ${name}`);
    const quote = expect(reader, /\s*=\s*(["'])/y).trim().slice(-1);
    const end = reader.xml.indexOf(quote, reader.at);
    if (end < 0) fail(reader, "Unterminated attribute value");
    const raw = reader.xml.slice(reader.at, end);
    if (raw.includes("<")) fail(reader, "< in an attribute value");
    node.attributes[name] = decodeReferences(reader, raw.replace(/[\t\n]/g, " "));
    reader.at = end + 1;
  }
}

function readText(reader: Reader): string {
  const end = reader.xml.indexOf("<", reader.at);
  const raw = reader.xml.slice(reader.at, end < 0 ? reader.xml.length : end);
  if (raw.includes("]]>")) fail(reader, "]]> in text");
  reader.at += raw.length;
  return decodeReferences(reader, raw);
}

function decodeReferences(reader: Reader, raw: string): string {
  return raw.replace(/&([^;\s&]*);?/g, (whole, reference: string) => {
    if (!whole.endsWith(";")) fail(reader, `Bare & or unterminated reference ${JSON.stringify(whole)}`);
    const predefined = PREDEFINED[reference];
    if (predefined !== undefined) return predefined;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(reference);
    if (!numeric) fail(reader, `Unknown entity &${reference};`);
    const codePoint = numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number(numeric[2]);
    const character = codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "\u0000";
    if (INVALID_CHARACTER.test(character)) fail(reader, `Reference to a forbidden character &${reference};`);
    return character;
  });
}

function expect(reader: Reader, pattern: RegExp): string {
  pattern.lastIndex = reader.at;
  const match = pattern.exec(reader.xml);
  if (!match) fail(reader, `Expected ${pattern.source}`);
  reader.at += match[0].length;
  return match[0];
}

// ── Reading the tree in tests ─────────────────────────────────────────────────────────────────

export function textContent(node: XmlNode): string {
  return node.children.map((child) => (typeof child === "string" ? child : textContent(child))).join("");
}

export function findAll(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.name === name) found.push(current);
    for (let index = current.children.length - 1; index >= 0; index -= 1) {
      const child = current.children[index];
      if (child !== undefined && typeof child !== "string") stack.push(child);
    }
  }
  return found;
}
