import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { round } from "./stats";

export type Unit = "ms" | "bytes" | "count";

export interface Metric {
  section: string;
  label: string;
  value: number;
  unit: Unit;
  /** Extra figures shown after the value, e.g. each run. */
  detail?: string;
  /** The issue's target: the value must stay below it. */
  targetBelow?: number;
}

export interface MetricResult extends Metric {
  pass: boolean | null;
}

export function evaluateMetrics(metrics: Metric[]): MetricResult[] {
  return metrics.map((m) => ({ ...m, value: m.unit === "ms" ? round(m.value) : m.value, pass: m.targetBelow === undefined ? null : m.value < m.targetBelow }));
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "ms") return `${value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en")} ms`;
  if (unit === "bytes") {
    if (value >= 1024 * 1024) return `${(value / (1024 * 1024)).toFixed(2)} MB`;
    if (value >= 1024) return `${(value / 1024).toFixed(1)} kB`;
    return `${value} B`;
  }
  return value.toLocaleString("en");
}

/** A plain-text table: metric, value, target, pass/miss; sections separated by their name. */
export function formatTable(results: MetricResult[]): string {
  const rows = results.map((r) => ({
    section: r.section,
    cells: [
      r.label,
      formatValue(r.value, r.unit) + (r.detail ? `  ${r.detail}` : ""),
      r.targetBelow === undefined ? "" : `< ${formatValue(r.targetBelow, r.unit)}`,
      r.pass === null ? "" : r.pass ? "pass" : "MISS",
    ],
  }));
  const header = ["metric", "value", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(header), rule];
  let section = "";
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      out.push(`[${section}]`);
    }
    out.push(line(row.cells));
  }
  return out.join("\n");
}

export function writeResults(file: string, results: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
}

/** The 1/5/15-minute load averages, rounded: a bench records them at its start and end. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => round(l, 2));
}

/** The two lines a bench run alone prints above its table: the machine (plus `detail`), and the load then and now. */
export function machineLines(loadAtStart: readonly number[], detail?: string): string[] {
  const cpus = os.cpus();
  const machine = `Machine: Node ${process.version} · ${cpus.length} CPUs (${cpus[0]?.model ?? "unknown"}) · ${round(os.totalmem() / 1024 ** 3)} GB${detail ? ` · ${detail}` : ""}`;
  return [machine, `Load:    ${loadAtStart.join(" / ")} at start, ${loadAverage().join(" / ")} at end`];
}
