/**
 * An `xml:id` (an XML NCName) for a database id or tag key under a fixed prefix: "a-" + id.
 * Letters, digits, "." and "-" pass through; every other character, "_" included, becomes
 * `_<hex code point>_`. The mapping is one-to-one, so two different ids never share an xml:id,
 * and the prefix (which starts with a letter) keeps the name a valid NCName.
 */
export function toXmlId(prefix: string, id: string): string {
  let encoded = "";
  for (const character of id) {
    encoded += /^[A-Za-z0-9.-]$/.test(character) ? character : `_${(character.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return `${prefix}${encoded}`;
}
