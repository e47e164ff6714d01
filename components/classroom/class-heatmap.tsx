"use client";

import { useEffect, useRef, useState } from "react";
import { listFlagsAt, type FlagsAt as Flags } from "@/components/api/classroom-api";

const LEVELS = 8;

/**
 * The document's text with each character shaded by how many students flagged it and the key
 * outlined. Built as DOM nodes directly (a long text with a class's marks makes tens of
 * thousands of pieces; React's reconciliation would only add cost). Clicking a shaded or
 * outlined piece lists who flagged it, with which technique.
 */
export function ClassHeatmap({ assignmentId, documentId, text, runs, keySpans, max }: { assignmentId: string; documentId: string; text: string; runs: number[]; keySpans: number[]; max: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ at: number; quote: string } | null>(null);
  const [flags, setFlags] = useState<Flags | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const cuts = new Set<number>([0, text.length]);
    for (let i = 0; i < runs.length; i += 3) cuts.add(runs[i]!).add(runs[i + 1]!);
    for (let i = 0; i < keySpans.length; i += 2) cuts.add(keySpans[i]!).add(keySpans[i + 1]!);
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    let run = 0;
    let key = 0;
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      while (run < runs.length && runs[run + 1]! <= from) run += 3;
      while (key < keySpans.length && keySpans[key + 1]! <= from) key += 2;
      const count = run < runs.length && runs[run]! <= from ? runs[run + 2]! : 0;
      const inKey = key < keySpans.length && keySpans[key]! <= from;
      const piece = text.slice(from, to);
      if (count === 0 && !inKey) {
        fragment.append(piece);
        continue;
      }
      const span = document.createElement("span");
      span.textContent = piece;
      span.dataset.at = String(from);
      if (count > 0) {
        span.className = `heat heat-${Math.max(1, Math.ceil((count / Math.max(1, max)) * LEVELS))}`;
        span.title = `${count} ${count === 1 ? "student" : "students"}`;
      } else span.className = "heat";
      if (inKey) span.classList.add("heat-key");
      fragment.append(span);
    }
    element.replaceChildren(fragment);
    element.dataset.ready = "true";
  }, [text, runs, keySpans, max]);

  async function show(at: number, quote: string) {
    setSelected({ at, quote });
    setFlags(null);
    setError(null);
    const result = await listFlagsAt(assignmentId, { documentId, at });
    if (result.ok) setFlags(result.data);
    else setError(result.message);
  }

  return (
    <div className="heatmap-layout">
      <div
        ref={ref}
        className="reading heatmap-text"
        role="document"
        aria-label="Class heatmap: darker text was flagged by more students; outlined text is the key"
        onClick={(event) => {
          const target = (event.target as HTMLElement).closest<HTMLElement>("[data-at]");
          if (target?.dataset.at) void show(Number(target.dataset.at), target.textContent ?? "");
        }}
      >
        <p className="muted">Drawing the heatmap…</p>
      </div>
      <aside className="heatmap-side card" aria-live="polite">
        <h2>Who flagged it</h2>
        <div className="heatmap-legend">
          {Array.from({ length: LEVELS }, (_, i) => (
            <span key={i} className={`heat heat-${i + 1}`}>
              &nbsp;&nbsp;
            </span>
          ))}
          <span className="muted"> 1 → {max} students</span> · <span className="heat heat-key">key</span>
        </div>
        {!selected ? <p className="muted">Click shaded or outlined text to see who flagged it and with which technique.</p> : null}
        {selected ? (
          <p>
            At <q>{selected.quote.length > 80 ? `${selected.quote.slice(0, 80)}…` : selected.quote}</q>
          </p>
        ) : null}
        {error ? (
          <p className="field error" role="alert">
            {error}
          </p>
        ) : null}
        {selected && !flags && !error ? <p className="muted">Loading…</p> : null}
        {flags ? (
          <>
            {flags.key.length > 0 ? (
              <p>
                <strong>Key:</strong> {flags.key.map((k) => k.technique ?? "marked").join(", ")}
              </p>
            ) : (
              <p className="muted">Not in the key.</p>
            )}
            {flags.flags.length === 0 ? (
              <p className="muted">No student flagged this.</p>
            ) : (
              <ul className="flag-list">
                {flags.flags.map((f) => (
                  <li key={f.id}>
                    <strong>{f.student}</strong> — {f.technique ?? "marked"}
                    <div className="muted">
                      <q>{f.exact}</q>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </aside>
    </div>
  );
}
