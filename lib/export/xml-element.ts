import { escapeXmlAttribute } from "./xml-escape";

/** Attribute values are escaped here; null and undefined leave the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | number | null | undefined>>;

/** Markup already built (by these functions or escapeXmlText); null and false are skipped. */
export type XmlChild = string | null | false;

/** An element whose children sit side by side: mixed content such as `<p>` or `<note>`. */
export function xmlElement(name: string, attributes: XmlAttributes, ...children: readonly XmlChild[]): string {
  const content = children.filter((child): child is string => typeof child === "string").join("");
  return content === "" ? `<${name}${formatAttributes(attributes)}/>` : `<${name}${formatAttributes(attributes)}>${content}</${name}>`;
}

/** An element holding other elements, one per line, for a human reading the file. */
export function xmlBlock(name: string, attributes: XmlAttributes, children: readonly XmlChild[]): string {
  const lines = children.filter((child): child is string => typeof child === "string" && child !== "");
  return lines.length === 0 ? `<${name}${formatAttributes(attributes)}/>` : `${openTag(name, attributes)}\n${lines.join("\n")}\n</${name}>`;
}

/** The opening tag alone, for an element whose children are written one by one. */
export function openTag(name: string, attributes: XmlAttributes): string {
  return `<${name}${formatAttributes(attributes)}>`;
}

function formatAttributes(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join("");
}
