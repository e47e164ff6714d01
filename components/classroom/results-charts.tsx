"use client";

import * as Plot from "@observablehq/plot";
import { useEffect, useRef, useState } from "react";

export interface TechniqueRow {
  name: string;
  precision: number | null;
  recall: number | null;
  keySpans: number;
  studentSpans: number;
}

/** Renders an Observable Plot figure into a div on the client (Plot builds SVG with the DOM). */
function PlotFigure({ build, label }: { build: () => HTMLElement | SVGSVGElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    try {
      const figure = build();
      element.replaceChildren(figure);
      element.dataset.ready = "true";
    } catch {
      element.textContent = "This chart could not be drawn.";
    }
    return () => element.replaceChildren();
  }, [build]);
  return (
    <figure className="plot-figure" aria-label={label}>
      <div ref={ref} className="plot-figure__canvas">
        <p className="muted">Drawing…</p>
      </div>
    </figure>
  );
}

/** Per-technique precision and recall as paired bars. */
export function TechniqueBars({ rows }: { rows: TechniqueRow[] }) {
  const [build] = useState(() => () => {
    const data = rows.flatMap((r) => [
      { technique: r.name, measure: "precision", value: r.precision ?? 0 },
      { technique: r.name, measure: "recall", value: r.recall ?? 0 },
    ]);
    return Plot.plot({
      width: 720,
      marginLeft: 220,
      height: Math.max(120, rows.length * 46 + 40),
      x: { domain: [0, 1], label: "score (0–1)", grid: true },
      fy: { label: null, domain: rows.map((r) => r.name) },
      y: { axis: null, domain: ["precision", "recall"] },
      color: { domain: ["precision", "recall"], range: ["#3b6ea5", "#d08a2e"], legend: true },
      marks: [Plot.barX(data, { fy: "technique", y: "measure", x: "value", fill: "measure", tip: true }), Plot.ruleX([0])],
    });
  });
  if (rows.length === 0) return <p className="muted">No technique was marked yet.</p>;
  return <PlotFigure build={build} label="Precision and recall per technique" />;
}

/** The class's technique confusion matrix (key technique × the student's) as a heatmap. */
export function ConfusionHeatmap({ cells }: { cells: { key: string; student: string; count: number }[] }) {
  const [build] = useState(() => () =>
    Plot.plot({
      width: 720,
      marginLeft: 220,
      marginBottom: 140,
      x: { label: "student's technique", tickRotate: -35 },
      y: { label: "key's technique" },
      color: { scheme: "blues", legend: true, label: "key spans", type: "linear", domain: [0, Math.max(1, ...cells.map((c) => c.count))] },
      marks: [
        Plot.cell(cells, { x: "student", y: "key", fill: "count", inset: 0.5, tip: true }),
        Plot.text(cells, { x: "student", y: "key", text: "count", fill: (d: { key: string; student: string }) => (d.key === d.student ? "white" : "black") }),
      ],
    }),
  );
  if (cells.length === 0) return <p className="muted">No key span has been marked by a student yet.</p>;
  return <PlotFigure build={build} label="Confusion matrix of techniques" />;
}

/** F1 between every two students, as a heatmap (labels hidden for large classes). */
export function PairwiseHeatmap({ students, f1 }: { students: string[]; f1: (number | null)[][] }) {
  const [build] = useState(() => () => {
    const data = f1.flatMap((row, i) => row.map((value, j) => ({ a: students[i] ?? "", b: students[j] ?? "", value })));
    const labelled = students.length <= 40;
    return Plot.plot({
      width: Math.min(720, 160 + students.length * 24),
      height: Math.min(720, 100 + students.length * 24),
      marginLeft: labelled ? 140 : 20,
      marginBottom: labelled ? 100 : 20,
      x: { label: null, axis: labelled ? "bottom" : null, tickRotate: -35, domain: students },
      y: { label: null, axis: labelled ? "left" : null, domain: students },
      color: { scheme: "greens", domain: [0, 1], legend: true, label: "F1" },
      marks: [Plot.cell(data, { x: "a", y: "b", fill: "value", tip: true })],
    });
  });
  if (students.length < 2) return <p className="muted">Agreement needs at least two students with work.</p>;
  return <PlotFigure build={build} label="Pairwise F1 between students" />;
}
