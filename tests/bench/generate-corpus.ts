import { readSeedCorpus } from "../../seeds/seed-corpus";
import { splitTextBlocks, type TextBlock } from "../../lib/documents/split-text-blocks";
import type { Rng } from "./prng";

/**
 * The bench's corpus: one long document of English prose built from the seed corpus's sentences
 * (real historical writing, so word and sentence lengths are realistic), and annotation spans laid
 * over it the way readers mark text: phrases and sentences inside paragraphs, some overlapping.
 */

const HEADING_TOPICS = [
  "The political report of the Central Committee",
  "Debates on the industrialisation of the country",
  "The agrarian question and the grain procurements",
  "Reports from the regional delegations",
  "The new rules of the party",
  "Resolutions on foreign trade",
  "The opposition and its platform",
  "Closing speeches and the elections",
];

/** Sentences of the seed corpus's body paragraphs, whitespace flattened, without footnote fragments. */
function seedSentences(): string[] {
  const sentences = new Set<string>();
  for (const document of readSeedCorpus()) {
    for (const block of splitTextBlocks(document.content.text)) {
      if (block.role !== "body") continue;
      const flat = block.text.replace(/\s+/g, " ");
      for (const sentence of flat.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"(])/)) {
        const trimmed = sentence.trim();
        if (trimmed.length >= 40 && trimmed.length <= 400 && /^[A-Z“"(]/.test(trimmed) && /[.!?][”"’)]?$/.test(trimmed)) sentences.add(trimmed);
      }
    }
  }
  if (sentences.size < 50) throw new Error(`The seed corpus gave only ${sentences.size} usable sentences; the bench needs at least 50.`);
  return [...sentences];
}

/**
 * About `targetChars` characters of prose: paragraphs of 3–9 sentences separated by blank lines,
 * with a short section heading every 25–40 paragraphs (headings carry no closing punctuation, so
 * the reader shows them as headings).
 */
export function generateDocumentText(rng: Rng, targetChars: number): string {
  const sentences = seedSentences();
  const blocks: string[] = [];
  let length = 0;
  let section = 0;
  let untilHeading = 0;
  while (length < targetChars) {
    let block: string;
    if (untilHeading === 0) {
      section += 1;
      block = `Session ${section}: ${rng.pick(HEADING_TOPICS)}`;
      untilHeading = rng.int(25, 40);
    } else {
      const parts: string[] = [];
      const count = rng.int(3, 9);
      for (let i = 0; i < count; i++) parts.push(rng.pick(sentences));
      block = parts.join(" ");
      untilHeading -= 1;
    }
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join("\n\n");
}

export interface Span {
  start: number;
  end: number;
}

/** Word spans of each body paragraph, computed on demand. */
function createWordIndex(blocks: TextBlock[]) {
  const cache = new Map<number, Span[]>();
  return (index: number): Span[] => {
    let words = cache.get(index);
    if (!words) {
      const block = blocks[index];
      if (!block) throw new RangeError(`No block ${index}.`);
      words = [...block.text.matchAll(/\S+/g)].map((m) => ({ start: block.start + m.index, end: block.start + m.index + m[0].length }));
      cache.set(index, words);
    }
    return words;
  };
}

/** How many words a reader marks: mostly phrases, sometimes a sentence or two. */
function spanWordCount(rng: Rng): number {
  const roll = rng.next();
  if (roll < 0.4) return rng.int(1, 3);
  if (roll < 0.85) return rng.int(4, 12);
  return rng.int(13, 40);
}

/**
 * `count` spans over `text`, each inside one body paragraph and on word boundaries. Positions are
 * spread over the whole text (paragraphs weighted by length); about `overlapShare` of the spans
 * start inside an earlier span of the same paragraph and run past its end, so highlights nest.
 */
export function planSpans(rng: Rng, text: string, count: number, overlapShare = 0.2): Span[] {
  const blocks = splitTextBlocks(text);
  const bodyIndexes = blocks.flatMap((block, i) => (block.role === "body" ? [i] : []));
  if (bodyIndexes.length === 0) throw new Error("The text has no body paragraphs to annotate.");
  const wordsOf = createWordIndex(blocks);
  const spans: (Span & { block: number })[] = [];

  /** The body paragraph holding (or following) a random character: longer paragraphs are hit more often. */
  const randomBodyBlock = () => {
    const offset = rng.int(0, text.length - 1);
    let lo = 0;
    let hi = bodyIndexes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = blocks[bodyIndexes[mid] ?? 0];
      if (block && block.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return bodyIndexes[lo] ?? 0;
  };

  while (spans.length < count) {
    const earlier = spans.length > 0 && rng.chance(overlapShare) ? spans[rng.int(Math.max(0, spans.length - 50), spans.length - 1)] : undefined;
    const block = earlier ? earlier.block : randomBodyBlock();
    const words = wordsOf(block);
    let first: number;
    if (earlier) {
      // Start on a word inside the earlier span, so the two overlap without being equal.
      const inside = words.flatMap((w, i) => (w.start >= earlier.start && w.end <= earlier.end ? [i] : []));
      first = inside.length > 0 ? rng.pick(inside) : rng.int(0, words.length - 1);
    } else {
      first = rng.int(0, words.length - 1);
    }
    const last = Math.min(words.length - 1, first + spanWordCount(rng) - 1);
    const start = words[first]?.start;
    const end = words[last]?.end;
    if (start === undefined || end === undefined || end <= start) continue;
    spans.push({ start, end, block });
  }
  return spans.map(({ start, end }) => ({ start, end }));
}

export type AnnotationKindName = "CLAIM" | "BIAS_MARKER" | "CONTRADICTION" | "CUSTOM";

export interface AnnotationBody {
  kind: AnnotationKindName;
  techniqueId: string | null;
  verdict: "UNVERIFIED" | "CORROBORATED" | "DISPUTED" | "REFUTED" | null;
  confidence: number | null;
  note: string;
  visibility: "PRIVATE" | "WORKSPACE";
}

const NOTES = [
  "",
  "",
  "",
  "Compare with the stenographic report of the same sitting.",
  "The figure differs from the one given in the regional press.",
  "Loaded wording: the adjectives carry the argument, not the evidence.",
  "No source is named for this claim.",
  "Contradicted by the delegate lists published in January 1926.",
  "Check against the archive copy; the translation may soften the original.",
];

/** What an annotation says: kinds mixed as in real use, about `privateShare` of them private. */
export function planAnnotationBody(rng: Rng, techniqueIds: readonly string[], privateShare = 0.1): AnnotationBody {
  const roll = rng.next();
  const kind: AnnotationKindName = roll < 0.4 ? "CLAIM" : roll < 0.7 ? "BIAS_MARKER" : roll < 0.85 ? "CONTRADICTION" : "CUSTOM";
  const isClaim = kind === "CLAIM";
  return {
    kind,
    techniqueId: kind === "BIAS_MARKER" && techniqueIds.length > 0 && rng.chance(0.9) ? rng.pick(techniqueIds) : null,
    verdict: isClaim ? rng.pick(["UNVERIFIED", "CORROBORATED", "DISPUTED", "REFUTED"] as const) : null,
    confidence: isClaim && rng.chance(0.6) ? rng.int(0, 20) * 5 : null,
    note: rng.pick(NOTES),
    visibility: rng.chance(privateShare) ? "PRIVATE" : "WORKSPACE",
  };
}
