import { SaxesParser } from "saxes";

/** An element of a parsed XML file: local name (prefix dropped), attributes, children in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const XML_LIMITS = { maxDepth: 256, maxNodes: 2_000_000 } as const;

export type XmlOutcome = { ok: true; root: XmlElement } | { ok: false; reason: string };

/**
 * Parses XML into a small tree with saxes, a strict non-validating parser that never fetches
 * anything: external entities and DTDs are never resolved. A DOCTYPE that declares entities is
 * refused outright (no entity is ever expanded, so "billion laughs" cannot happen), and so is any
 * entity other than XML's five and character references.
 */
export function parseXmlTree(xml: string): XmlOutcome {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: string | null = null;
  let nodes = 0;

  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) failure ??= "it declares entities in a DOCTYPE; for safety the workbench never expands them. Remove the DOCTYPE and try again.";
  });
  parser.on("opentag", (tag) => {
    if (failure) return;
    nodes += 1;
    if (stack.length > XML_LIMITS.maxDepth) failure = `its elements nest more than ${XML_LIMITS.maxDepth} deep.`;
    else if (nodes > XML_LIMITS.maxNodes) failure = "it has too many elements.";
    if (failure) return;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    const element: XmlElement = { name: localName(tag.name), attributes, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    if (!failure && stack.length > 1) stack.pop();
  });
  const onText = (text: string) => {
    if (!failure) stack.at(-1)!.children.push(text);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("error", (error) => {
    const message = error.message.replace(/^[\w.]*:?\d+:\d+:\s*/, "");
    failure ??= /undefined entity/i.test(message)
      ? "it uses an entity that is not defined (such as &nbsp;); entities from DTDs are never loaded. Replace it with the character itself."
      : `it is not well-formed XML (${message.slice(0, 160)}).`;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= `it is not well-formed XML (${error instanceof Error ? error.message.slice(0, 160) : "unreadable"}).`;
  }
  if (failure) return { ok: false, reason: failure };
  const element = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!element) return { ok: false, reason: "it holds no XML element." };
  return { ok: true, root: element };
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (name === undefined || child.name === name));
}

/** The first descendant with this name (depth first), or undefined. */
export function findElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

export function findElements(element: XmlElement, name: string, into: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (child.name === name) into.push(child);
    findElements(child, name, into);
  }
  return into;
}

/** All text inside an element, spaces collapsed. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return "";
  const parts: string[] = [];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === "string") parts.push(child);
      else walk(child);
    }
  };
  walk(element);
  return parts.join("").replace(/\s+/g, " ").trim();
}
