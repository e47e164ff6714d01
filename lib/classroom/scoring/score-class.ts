import { characterAgreement, type Agreement } from "./character-agreement";
import { buildConfusionMatrix, type ConfusionCell } from "./confusion-matrix";
import { pairwiseF1 } from "./pairwise-f1";
import { f1Of, scoreSpanIdentification, type SpanScores } from "./span-identification";
import type { ScoredSpan } from "./span";
import { scoreTechniques } from "./technique-classification";

export interface ClassInput {
  documents: readonly { id: string; length: number }[];
  key: readonly ScoredSpan[];
  students: readonly { id: string; spans: readonly ScoredSpan[] }[];
  /** Techniques in display order (keys); those seen in the data but not listed are appended. */
  techniques: readonly string[];
}

export interface StudentScores extends SpanScores {
  id: string;
  marks: number;
  techniqueMarked: number;
  techniqueCorrect: number;
  techniqueAccuracy: number | null;
}

export interface TechniqueScores extends SpanScores {
  technique: string;
  keySpans: number;
  studentSpans: number;
}

export interface ClassScores {
  students: StudentScores[];
  perTechnique: TechniqueScores[];
  confusion: ConfusionCell[];
  agreement: Agreement;
  /** Rows and columns in the order of `students`. */
  pairwiseF1: (number | null)[][];
}

/** Everything the results page shows, computed from the spans alone. */
export function scoreClass({ documents, key, students, techniques }: ClassInput): ClassScores {
  const seen = new Set(techniques);
  const allTechniques = [...techniques];
  for (const span of [...key, ...students.flatMap((s) => s.spans)]) {
    if (span.technique !== null && !seen.has(span.technique)) {
      seen.add(span.technique);
      allTechniques.push(span.technique);
    }
  }

  const pairs: [string, string][] = [];
  const studentScores = students.map((student): StudentScores => {
    const spans = scoreSpanIdentification(student.spans, key);
    const techniques = scoreTechniques(student.spans, key);
    pairs.push(...techniques.pairs);
    return {
      id: student.id,
      marks: student.spans.length,
      ...spans,
      techniqueMarked: techniques.marked,
      techniqueCorrect: techniques.correct,
      techniqueAccuracy: techniques.accuracy,
    };
  });

  const byTechnique = (spans: readonly ScoredSpan[]) => {
    const groups = new Map<string, ScoredSpan[]>();
    for (const span of spans) {
      if (span.technique === null) continue;
      let list = groups.get(span.technique);
      if (!list) groups.set(span.technique, (list = []));
      list.push(span);
    }
    return groups;
  };
  const keyByTechnique = byTechnique(key);
  const studentsByTechnique = students.map((student) => byTechnique(student.spans));
  const perTechnique = allTechniques
    .map((technique): TechniqueScores => {
      const keyOf = keyByTechnique.get(technique) ?? [];
      let precisionSum = 0;
      let precisionCount = 0;
      let recallSum = 0;
      let recallCount = 0;
      let studentSpans = 0;
      for (const groups of studentsByTechnique) {
        const own = groups.get(technique) ?? [];
        studentSpans += own.length;
        const scores = scoreSpanIdentification(own, keyOf);
        if (scores.precision !== null) {
          precisionSum += scores.precision * own.length;
          precisionCount += own.length;
        }
        if (scores.recall !== null) {
          recallSum += scores.recall;
          recallCount++;
        }
      }
      const precision = precisionCount === 0 ? null : precisionSum / precisionCount;
      const recall = recallCount === 0 ? null : recallSum / recallCount;
      const f1 = f1Of(precision, recall);
      return { technique, keySpans: keyOf.length, studentSpans, precision, recall, f1 };
    })
    .filter((row) => row.keySpans > 0 || row.studentSpans > 0);

  return {
    students: studentScores,
    perTechnique,
    confusion: buildConfusionMatrix(pairs),
    agreement: characterAgreement({ documents, coders: students, techniques: perTechnique.map((row) => row.technique) }),
    pairwiseF1: pairwiseF1(students),
  };
}
