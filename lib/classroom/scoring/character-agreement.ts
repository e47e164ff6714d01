import { NominalAlpha } from "./krippendorff-alpha";
import type { ScoredSpan } from "./span";

export interface AgreementInput {
  documents: readonly { id: string; length: number }[];
  /** Each coder's spans; every coder is taken to have read every document (unmarked text is "none"). */
  coders: readonly { id: string; spans: readonly ScoredSpan[] }[];
  /** Techniques to report a binary alpha for ("has t" / "has not"), in this order. */
  techniques: readonly string[];
}

export interface Agreement {
  /** Each character a unit, each coder's value the set of techniques they gave it ("none" when unmarked). */
  overall: number | null;
  perTechnique: { technique: string; alpha: number | null }[];
}

/** The value a span without a technique (a claim, a contradiction) gives its characters. */
const MARKED = "(marked)";
const NONE = "none";

/**
 * Krippendorff's alpha between coders, per character: overall (nominal, the set of techniques
 * each coder gave a character) and per technique (binary). Characters are swept as runs over
 * which no coder's value changes, so the cost follows the number of span ends, not the text's length.
 */
export function characterAgreement({ documents, coders, techniques }: AgreementInput): Agreement {
  const overall = new NominalAlpha();
  const perTechnique = techniques.map(() => new NominalAlpha());
  const techniqueIndex = new Map(techniques.map((t, i) => [t, i]));

  const labelIds = new Map<string, number>([[NONE, 0]]);
  const labelNames: string[] = [NONE];
  const labelTechniques: number[][] = [[]];
  const intern = (active: Map<string, number>): number => {
    const names = [...active.keys()].sort();
    const name = names.length === 0 ? NONE : names.join("+");
    let id = labelIds.get(name);
    if (id === undefined) {
      id = labelNames.length;
      labelIds.set(name, id);
      labelNames.push(name);
      labelTechniques.push(names.map((n) => techniqueIndex.get(n)).filter((i): i is number => i !== undefined));
    }
    return id;
  };

  const spansByDocument = new Map<string, ScoredSpan[][]>();
  for (const document of documents) spansByDocument.set(document.id, coders.map(() => []));
  coders.forEach((coder, c) => {
    for (const span of coder.spans) spansByDocument.get(span.documentId)?.[c]?.push(span);
  });

  const m = coders.length;
  if (m < 2) return { overall: null, perTechnique: techniques.map((technique) => ({ technique, alpha: null })) };

  for (const document of documents) {
    const perCoder = spansByDocument.get(document.id) ?? [];
    // Events: at `position`, coder `coder` takes label `label`.
    const events: { position: number; coder: number; label: number }[] = [];
    perCoder.forEach((spans, coder) => {
      const boundaries: { position: number; technique: string; delta: number }[] = [];
      for (const span of spans) {
        const start = Math.max(0, span.start);
        const end = Math.min(document.length, span.end);
        if (end <= start) continue;
        const technique = span.technique ?? MARKED;
        boundaries.push({ position: start, technique, delta: 1 }, { position: end, technique, delta: -1 });
      }
      boundaries.sort((a, b) => a.position - b.position);
      const active = new Map<string, number>();
      let current = 0;
      boundaries.forEach(({ position, technique, delta }, i) => {
        const next = (active.get(technique) ?? 0) + delta;
        if (next === 0) active.delete(technique);
        else active.set(technique, next);
        if (boundaries[i + 1]?.position === position) return; // apply every change at a position first
        const label = intern(active);
        if (label !== current) {
          events.push({ position, coder, label });
          current = label;
        }
      });
    });
    events.sort((a, b) => a.position - b.position);

    const labelOf = new Int32Array(m); // everyone starts at "none"
    let histogram = new Float64Array(Math.max(labelNames.length, 1));
    histogram[0] = m;
    // The labels someone holds right now: the histogram's non-zero entries, without scanning it.
    const held = new Set<number>([0]);
    const techniqueCounts = new Float64Array(techniques.length);

    const addSegment = (length: number) => {
      if (length <= 0) return;
      const counts: [string, number][] = [];
      for (const label of held) counts.push([labelNames[label] ?? NONE, histogram[label] ?? 0]);
      overall.addUnit(counts, length);
      perTechnique.forEach((alpha, t) => alpha.addBinaryUnit(techniqueCounts[t] ?? 0, m - (techniqueCounts[t] ?? 0), length));
    };

    let position = 0;
    for (const { position: at, coder, label } of events) {
      addSegment(at - position);
      position = at;
      if (label >= histogram.length) {
        const grown = new Float64Array(labelNames.length);
        grown.set(histogram);
        histogram = grown;
      }
      const previous = labelOf[coder] ?? 0;
      histogram[previous]! -= 1;
      if (histogram[previous] === 0) held.delete(previous);
      held.add(label);
      for (const t of labelTechniques[previous] ?? []) techniqueCounts[t]! -= 1;
      histogram[label]! += 1;
      for (const t of labelTechniques[label] ?? []) techniqueCounts[t]! += 1;
      labelOf[coder] = label;
    }
    addSegment(document.length - position);
  }

  return { overall: overall.value(), perTechnique: techniques.map((technique, t) => ({ technique, alpha: perTechnique[t]?.value() ?? null })) };
}
