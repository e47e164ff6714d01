export interface ConfusionCell {
  keyTechnique: string;
  studentTechnique: string;
  count: number;
}

/** Counts [key technique, student technique] pairs into cells, sorted by key then student technique. */
export function buildConfusionMatrix(pairs: Iterable<readonly [string, string]>): ConfusionCell[] {
  const counts = new Map<string, ConfusionCell>();
  for (const [keyTechnique, studentTechnique] of pairs) {
    const id = `${keyTechnique}\u0000${studentTechnique}`;
    const cell = counts.get(id);
    if (cell) cell.count++;
    else counts.set(id, { keyTechnique, studentTechnique, count: 1 });
  }
  return [...counts.values()].sort((a, b) => a.keyTechnique.localeCompare(b.keyTechnique) || a.studentTechnique.localeCompare(b.studentTechnique));
}
