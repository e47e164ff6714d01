/**
 * Escaping for XML 1.0 text and double-quoted attribute values.
 *
 * Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, unpaired
 * surrogates) cannot appear even as character references. They are replaced with U+FFFD rather
 * than removed: the TEI export points into the text by character offsets, and dropping a
 * character would shift every offset after it. Each replaced character is one code point and
 * stays one, so offsets hold.
 *
 * Line ends: a parser turns a literal CR or CRLF into LF, and tab/LF/CR inside an attribute into
 * spaces. Writing them as character references keeps the text exactly as stored.
 */

const INVALID_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(INVALID_XML_CHARACTER, "\uFFFD").replace(/[&<>\r]/g, (character) => TEXT_ENTITIES[character] ?? character);
}

export function escapeXmlAttribute(value: string): string {
  return value.replace(INVALID_XML_CHARACTER, "\uFFFD").replace(/[&<>"'\t\n\r]/g, (character) => ATTRIBUTE_ENTITIES[character] ?? character);
}

const TEXT_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
};
