import { overlapLength, type ScoredSpan } from "./span";

export interface TechniqueScores {
  /** Key spans (with a technique) that the student's spans overlap. */
  marked: number;
  /** Of those, how many the student gave the key's technique. */
  correct: number;
  /** correct / marked; null when the student marked none of the key's spans. */
  accuracy: number | null;
  /** One [key technique, student technique] pair per marked key span, for the confusion matrix. */
  pairs: [keyTechnique: string, studentTechnique: string][];
}

/**
 * Technique classification on the key's spans the student marked: a key span counts as marked
 * when any of the student's spans (with a technique) overlaps it, and as right when one of those
 * carries the key's technique. The student's answer for the confusion matrix is the right
 * technique when given, else the technique of the most-overlapping span.
 */
export function scoreTechniques(student: readonly ScoredSpan[], key: readonly ScoredSpan[]): TechniqueScores {
  const byDocument = new Map<string, ScoredSpan[]>();
  for (const span of student) {
    if (span.technique === null || span.end <= span.start) continue;
    let list = byDocument.get(span.documentId);
    if (!list) byDocument.set(span.documentId, (list = []));
    list.push(span);
  }
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start);

  const pairs: [string, string][] = [];
  let correct = 0;
  for (const keySpan of key) {
    if (keySpan.technique === null || keySpan.end <= keySpan.start) continue;
    const candidates = byDocument.get(keySpan.documentId) ?? [];
    let best: ScoredSpan | null = null;
    let bestOverlap = 0;
    let right = false;
    for (const span of candidates) {
      if (span.start >= keySpan.end) break;
      const overlap = overlapLength(span, keySpan);
      if (overlap === 0) continue;
      if (span.technique === keySpan.technique) right = true;
      if (overlap > bestOverlap) {
        best = span;
        bestOverlap = overlap;
      }
    }
    if (!best || best.technique === null) continue;
    if (right) correct++;
    pairs.push([keySpan.technique, right ? keySpan.technique : best.technique]);
  }
  return { marked: pairs.length, correct, accuracy: pairs.length === 0 ? null : correct / pairs.length, pairs };
}
