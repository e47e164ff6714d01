import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import { confineToWindow, cutsWord } from "@/lib/anchoring/confine-to-window";
import { editWindow } from "@/lib/anchoring/edit-window";
import type { ChangedRegion } from "@/lib/anchoring/map-offset-through-region";
import { buildHighlightDecoration, type Highlight } from "./build-highlight-decoration";

/**
 * The document's text with one character per position: its textblocks' text, two separator
 * characters standing for each block boundary's closing and opening token, so that position p is
 * offset p − 1. Undefined for a document that is not a flat run of text-only textblocks.
 */
function positionalText(doc: ProseMirrorNode): string | undefined {
  const text = doc.textBetween(0, doc.content.size, "\n\n");
  return doc.childCount > 0 && text.length === doc.content.size - 2 ? text : undefined;
}

/** The one stretch a transaction changed: old positions [from, to) became [from, newTo). */
function changedRegion(tr: Transaction): ChangedRegion | undefined {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  tr.mapping.maps.forEach((map, index) => {
    const back = tr.mapping.slice(0, index).invert();
    map.forEach((oldStart, oldEnd) => {
      from = Math.min(from, back.map(oldStart, -1));
      to = Math.max(to, back.map(oldEnd, 1));
    });
  });
  if (from > to) return undefined;
  return { from, to, newTo: to + tr.doc.content.size - tr.before.content.size };
}

/**
 * The editor's half of re-anchoring's rule (lib/anchoring/confine-to-window.ts), so the section
 * being edited draws what the server will store: after the highlights are mapped through an edit,
 * each one the edit reached inside is confined to its old span ∪ the edited region (editWindow) and
 * a boundary the edit left inside a word moves to the word's edge inside the highlight; one with no
 * whole word left is dropped. Mapping alone never widens a highlight, so this only ever shrinks one.
 * Only the few highlights the edit reached are looked at; the others keep their mapped decoration.
 */
export function confineMappedHighlights(before: DecorationSet, mapped: DecorationSet, tr: Transaction, focusedId: string | null): DecorationSet {
  const region = changedRegion(tr);
  if (!region) return mapped;
  const reached = before.find(region.from, region.to).filter((d) => (region.from === region.to ? d.from < region.from && region.from < d.to : region.from < d.to && region.to > d.from));
  if (reached.length === 0) return mapped;
  const newText = positionalText(tr.doc);
  const oldText = positionalText(tr.before);
  if (newText === undefined || oldText === undefined) return mapped;

  let result = mapped;
  for (const old of reached) {
    const id = old.spec.id as string;
    const window = editWindow(old.from, old.to, region);
    const [current] = result.find(window.lo, window.hi, (spec) => spec.id === id);
    if (!current) continue;
    // Positions are text offsets plus one (positionalText).
    const kept = confineToWindow(newText, current.from - 1, current.to - 1, { lo: window.lo - 1, hi: window.hi - 1 }, { start: cutsWord(oldText, old.from - 1), end: cutsWord(oldText, old.to - 1) });
    if (kept && kept.start + 1 === current.from && kept.end + 1 === current.to) continue;
    result = result.remove([current]);
    if (kept) result = result.add(tr.doc, [buildHighlightDecoration({ ...(current.spec.highlight as Highlight), from: kept.start + 1, to: kept.end + 1 }, id === focusedId)]);
  }
  return result;
}
