"use client";

import { useMemo, useState } from "react";
import { formatDateTime, formatScore } from "./labels";

export interface ResultRow {
  id: string;
  name: string;
  marks: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  techniqueAccuracy: number | null;
  submittedAt: string | null;
}

type Column = "name" | "marks" | "precision" | "recall" | "f1" | "techniqueAccuracy" | "submittedAt";
const COLUMNS: { id: Column; label: string; numeric: boolean }[] = [
  { id: "name", label: "Student", numeric: false },
  { id: "marks", label: "Marks", numeric: true },
  { id: "precision", label: "Precision", numeric: true },
  { id: "recall", label: "Recall", numeric: true },
  { id: "f1", label: "F1", numeric: true },
  { id: "techniqueAccuracy", label: "Technique accuracy", numeric: true },
  { id: "submittedAt", label: "Submitted", numeric: false },
];

/** The class's scores, sortable by any column (missing values last, whichever the direction). */
export function ResultsTable({ rows, csvUrl }: { rows: ResultRow[]; csvUrl: string }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: "f1", descending: true });
  const sorted = useMemo(() => {
    const { column, descending } = sort;
    return [...rows].sort((a, b) => {
      const x = a[column];
      const y = b[column];
      if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return (descending ? -order : order) || a.name.localeCompare(b.name);
    });
  }, [rows, sort]);

  return (
    <div>
      <div className="form-row form-row--between">
        <span className="muted">{rows.length} students · click a column heading to sort</span>
        <a className="button button--quiet" href={csvUrl} download>
          Download CSV
        </a>
      </div>
      <table className="table results-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.id} aria-sort={sort.column === c.id ? (sort.descending ? "descending" : "ascending") : "none"} className={c.numeric ? "numeric" : undefined}>
                <button type="button" className="button--link sort-button" onClick={() => setSort((s) => ({ column: c.id, descending: s.column === c.id ? !s.descending : c.numeric }))}>
                  {c.label}
                  {sort.column === c.id ? (sort.descending ? " ↓" : " ↑") : ""}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td className="numeric">{r.marks}</td>
              <td className="numeric">{formatScore(r.precision)}</td>
              <td className="numeric">{formatScore(r.recall)}</td>
              <td className="numeric">{formatScore(r.f1)}</td>
              <td className="numeric">{formatScore(r.techniqueAccuracy)}</td>
              <td>{r.submittedAt ? formatDateTime(r.submittedAt) : <span className="muted">not submitted</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
