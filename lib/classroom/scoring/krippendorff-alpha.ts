/**
 * Krippendorff's alpha for nominal data, from coincidences (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011). Units are fed one at a time as the count of coders
 * who gave each value, with a weight (a run of identical characters counts as that many units);
 * units with fewer than two values are not pairable and are left out, which is how missing
 * values are handled.
 */
export class NominalAlpha {
  /** n_c: pairable values per value. */
  private readonly valueTotals = new Map<string, number>();
  /** Σ_c o_cc: coincidences of a value with itself. */
  private matching = 0;
  /** n: all pairable values. */
  private total = 0;

  /** Adds a unit whose values occur `counts` times (value → how many coders gave it), `weight` times over. */
  addUnit(counts: Iterable<readonly [value: string, count: number]>, weight = 1): void {
    const entries = [...counts].filter(([, count]) => count > 0);
    let m = 0;
    for (const [, count] of entries) m += count;
    if (m < 2 || weight <= 0) return;
    for (const [value, count] of entries) {
      this.matching += (weight * count * (count - 1)) / (m - 1);
      this.valueTotals.set(value, (this.valueTotals.get(value) ?? 0) + weight * count);
    }
    this.total += weight * m;
  }

  /** Adds a unit with only two values, e.g. "has technique t" / "has not", without allocating. */
  addBinaryUnit(yes: number, no: number, weight = 1): void {
    const m = yes + no;
    if (m < 2 || weight <= 0) return;
    this.matching += (weight * (yes * (yes - 1) + no * (no - 1))) / (m - 1);
    if (yes > 0) this.valueTotals.set("1", (this.valueTotals.get("1") ?? 0) + weight * yes);
    if (no > 0) this.valueTotals.set("0", (this.valueTotals.get("0") ?? 0) + weight * no);
    this.total += weight * m;
  }

  /** alpha = 1 − D_o / D_e; null when there is nothing to compare or no variation at all (D_e = 0). */
  value(): number | null {
    const n = this.total;
    if (n < 2) return null;
    let sumSquares = 0;
    for (const count of this.valueTotals.values()) sumSquares += count * count;
    const expected = n * n - sumSquares; // n(n−1)·D_e
    if (expected <= 1e-12) return null;
    return 1 - ((n - 1) * (n - this.matching)) / expected;
  }
}

/**
 * Alpha for a reliability data matrix: one row per coder, one column per unit, null for a
 * missing value.
 */
export function nominalAlpha(matrix: readonly (readonly (string | number | null)[])[]): number | null {
  const alpha = new NominalAlpha();
  const units = Math.max(0, ...matrix.map((row) => row.length));
  for (let unit = 0; unit < units; unit++) {
    const counts = new Map<string, number>();
    for (const row of matrix) {
      const value = row[unit];
      if (value === null || value === undefined) continue;
      const key = String(value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    alpha.addUnit(counts);
  }
  return alpha.value();
}
