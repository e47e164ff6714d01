/**
 * Text as the search index holds it. unicode61 folds case and Latin accents itself but leaves
 * Russian ё, which most Russian print writes е; both are one UTF-16 unit, so offsets in the folded
 * text are offsets in the original. The migration's triggers apply the same replacement in SQL.
 */
export function foldSearchText(text: string): string {
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/** Where folding changed a text: the offsets and original characters, or null if nowhere. */
export type Folds = [number, string][] | null;

export function foldsOf(text: string): Folds {
  const folds: [number, string][] = [];
  for (const match of text.matchAll(/[ёЁ]/g)) folds.push([match.index, match[0]]);
  return folds.length > 0 ? folds : null;
}

/** The original text of a folded one, given where it was folded. */
export function unfold(folded: string, folds: Folds): string {
  if (!folds) return folded;
  const characters = folded.split("");
  for (const [offset, character] of folds) if (offset < characters.length) characters[offset] = character;
  return characters.join("");
}
