import { citePages } from "../documents/page-breaks";
import type { ExportDocument } from "./export-model";

export type CitedDocument = Pick<
  ExportDocument,
  "title" | "authors" | "dateText" | "containerTitle" | "publisher" | "publisherPlace" | "edition" | "volume" | "issue" | "pages" | "url" | "archiveLocation" | "provenance"
>;

/**
 * A one-line, Chicago-like bibliography entry built from whatever metadata the document has:
 *   Stalin, J. V. “About the Discussion.” Pravda, no. 7, 9 January 1924, 2. RGASPI f. 558. https://…
 * An undated source says "n.d."; missing parts are left out rather than guessed. Citing a passage,
 * `pages` (its page or pages of the source: "12", "12–13") takes the place of the document's page
 * range, as a pinpoint: "…, 9 January 1924, p. 2."
 */
export function formatCitation(document: CitedDocument, { pages = null }: { pages?: string | null } = {}): string {
  const parts = [
    joinAuthors(document.authors),
    document.containerTitle ? `“${closeSentence(document.title.trim())}”` : document.title.trim(),
    joinPresent([containerPart(document), editionPart(document.edition)], ", "),
    joinPresent([joinPresent([document.publisherPlace, document.publisher], ": "), document.dateText ?? "n.d.", citePages(pages) ?? document.pages], ", "),
    document.archiveLocation,
    document.provenance,
    document.url,
  ];
  return parts
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => (part.endsWith("”") ? part : closeSentence(part.trim())))
    .join(" ");
}

function joinAuthors(authors: readonly string[]): string | null {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  if (names.length <= 2) return names.join(" and ") || null;
  return `${names.slice(0, -1).join("; ")}; and ${names.at(-1)}`;
}

function containerPart(document: CitedDocument): string | null {
  if (!document.containerTitle) return null;
  return joinPresent([`${document.containerTitle}${document.volume ? ` ${document.volume}` : ""}`, document.issue ? `no. ${document.issue}` : null], ", ");
}

/** "2nd" → "2nd ed."; an edition already saying "ed." or "edition" is left as written. */
function editionPart(edition: string | null): string | null {
  if (!edition?.trim()) return null;
  return /\bed(?:\.|ition\b)/i.test(edition) ? edition.trim() : `${edition.trim()} ed.`;
}

function joinPresent(parts: readonly (string | null)[], separator: string): string | null {
  const present = parts.filter((part): part is string => Boolean(part?.trim()));
  return present.length > 0 ? present.join(separator) : null;
}

/** A part that already ends a sentence (an initial, as in "Stalin, J. V.") gets no second full stop. */
function closeSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
