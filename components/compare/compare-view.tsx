"use client";

import Link from "next/link";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { Comparison } from "@/lib/links/get-comparison";
import type { LinkView } from "@/lib/links/link-view";
import { setLinkVerdict } from "@/components/api/links-api";
import { linkVerdictSchema } from "@/lib/validations/link";
import { MarkedText, type Mark } from "./marked-text";
import { truncate } from "@/components/labels/truncate";
import { LINK_LABEL } from "@/lib/vocabulary/link-type";
import { CONTRADICTION_VERDICT_LABEL, type ContradictionVerdict } from "@/lib/vocabulary/contradiction-verdict";

// Both texts re-render only when their marks change, not on every scroll frame's connector update.
const MemoMarkedText = memo(MarkedText);

type Pair = Comparison["pairs"][number];
interface Connector {
  id: string;
  y1: number;
  y2: number;
  type: LinkView["type"];
  current: boolean;
}

const GUTTER = 64;

function markId(pair: Pair, side: "L" | "R") {
  return `${pair.link.id}:${side}`;
}

/**
 * Two documents in parallel columns with their linked passages marked and joined by connectors
 * that follow either column's scrolling. Next/previous walks the contradictions, moving both
 * columns to the pair; the current contradiction's verdict is edited in place.
 */
export function CompareView({ comparison, initialLinkId, canDecide }: { comparison: Comparison; initialLinkId: string | null; canDecide: boolean }) {
  const [pairs, setPairs] = useState(comparison.pairs);
  const contradictions = useMemo(() => pairs.filter((p) => p.link.type === "CONTRADICTS"), [pairs]);
  const [currentId, setCurrentId] = useState<string | null>(initialLinkId ?? contradictions[0]?.link.id ?? pairs[0]?.link.id ?? null);
  const current = pairs.find((p) => p.link.id === currentId) ?? null;
  const leftPane = useRef<HTMLDivElement>(null);
  const rightPane = useRef<HTMLDivElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [verdictError, setVerdictError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [gutterHeight, setGutterHeight] = useState(0);

  const [leftMarks, rightMarks] = useMemo(() => {
    const className = (p: Pair) => `cmp-mark cmp-mark--${p.link.type.toLowerCase()}${p.link.id === currentId ? " is-current" : ""}`;
    const left: Mark[] = pairs.map((p) => ({ id: markId(p, "L"), start: p.left.start, end: p.left.end, className: className(p) }));
    const right: Mark[] = pairs.map((p) => ({ id: markId(p, "R"), start: p.right.start, end: p.right.end, className: className(p) }));
    return [left, right];
  }, [pairs, currentId]);

  // Connectors are recomputed from the marks' positions whenever either column scrolls.
  const frame = useRef(0);
  const measure = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const g = gutter.current?.getBoundingClientRect();
      if (!g || !leftPane.current || !rightPane.current) return;
      setGutterHeight(g.height);
      const centre = (pane: HTMLElement, id: string) => {
        const el = pane.querySelector<HTMLElement>(`[data-mark-id="${id}"]`);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return r.top + Math.min(r.height, 24) / 2 - g.top;
      };
      const next: Connector[] = [];
      for (const p of pairs) {
        const y1 = centre(leftPane.current, markId(p, "L"));
        const y2 = centre(rightPane.current, markId(p, "R"));
        if (y1 === null || y2 === null) continue;
        if ((y1 < 0 && y2 < 0) || (y1 > g.height && y2 > g.height)) continue;
        next.push({ id: p.link.id, y1, y2, type: p.link.type, current: p.link.id === currentId });
      }
      setConnectors(next);
    });
  }, [pairs, currentId]);

  useLayoutEffect(() => {
    measure();
    const panes = [leftPane.current, rightPane.current];
    for (const pane of panes) pane?.addEventListener("scroll", measure, { passive: true });
    window.addEventListener("resize", measure);
    return () => {
      for (const pane of panes) pane?.removeEventListener("scroll", measure);
      window.removeEventListener("resize", measure);
      cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  const scrollPaneTo = (pane: HTMLDivElement | null, id: string) => {
    const el = pane?.querySelector<HTMLElement>(`[data-mark-id="${id}"]`);
    if (!pane || !el) return;
    const offset = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTo({ top: Math.max(0, offset - pane.clientHeight / 3), behavior: "smooth" });
  };

  const goTo = useCallback(
    (pair: Pair) => {
      setCurrentId(pair.link.id);
      setVerdictError(null);
      scrollPaneTo(leftPane.current, markId(pair, "L"));
      scrollPaneTo(rightPane.current, markId(pair, "R"));
      // The address follows (to share or reload this pair) without asking the server for the page again.
      const query = new URLSearchParams({ left: comparison.left.id, right: comparison.right.id, link: pair.link.id });
      window.history.replaceState(null, "", `/compare?${query.toString()}`);
    },
    [comparison.left.id, comparison.right.id],
  );

  // Open on the link named in the URL.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !current) return;
    opened.current = true;
    scrollPaneTo(leftPane.current, markId(current, "L"));
    scrollPaneTo(rightPane.current, markId(current, "R"));
  }, [current]);

  const index = current ? contradictions.findIndex((p) => p.link.id === current.link.id) : -1;
  const step = (delta: number) => {
    if (contradictions.length === 0) return;
    const from = index < 0 ? (delta > 0 ? -1 : 0) : index;
    const target = contradictions[(from + delta + contradictions.length) % contradictions.length];
    if (target) goTo(target);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const tag = (event.target as HTMLElement | null)?.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j" || event.key === "n") step(1);
      if (event.key === "k" || event.key === "p") step(-1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  async function saveVerdict(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return;
    const form = new FormData(event.currentTarget);
    // The server's schema, checked here first: a verdict the form cannot send is refused without a round trip.
    const input = linkVerdictSchema.safeParse({ verdict: form.get("verdict"), rationale: form.get("rationale") ?? "" });
    if (!input.success) return setVerdictError(input.error.issues[0]?.message ?? "Choose a verdict.");
    setSaving(true);
    const result = await setLinkVerdict(current.link.id, input.data);
    setSaving(false);
    if (!result.ok) return setVerdictError(result.message);
    setVerdictError(null);
    const updated = result.data.link;
    setPairs((list) => list.map((p) => (p.link.id === updated.id ? { ...p, link: updated } : p)));
  }

  // First/second in a verdict are the link's source and target; say which column each is.
  const sideName = (first: boolean) => (current && current.sourceIsLeft === first ? "left" : "right");

  return (
    <div className="compare">
      <div className="compare__bar" role="toolbar" aria-label="Contradictions">
        <button type="button" className="button button--quiet" onClick={() => step(-1)} disabled={contradictions.length === 0} aria-keyshortcuts="k p" title="K or P">
          ← Previous contradiction
        </button>
        <span className="muted" aria-live="polite">
          {contradictions.length === 0 ? "No contradictions between these texts" : index >= 0 ? `Contradiction ${index + 1} of ${contradictions.length}` : `${contradictions.length} contradictions`}
          {pairs.length > contradictions.length ? ` · ${pairs.length - contradictions.length} other link${pairs.length - contradictions.length === 1 ? "" : "s"}` : ""}
        </span>
        <button type="button" className="button button--quiet" onClick={() => step(1)} disabled={contradictions.length === 0} aria-keyshortcuts="j n" title="J or N">
          Next contradiction →
        </button>
      </div>
      <div className="compare__columns">
        <DocumentHead doc={comparison.left} />
        <div />
        <DocumentHead doc={comparison.right} />
        <div ref={leftPane} className="compare__pane" tabIndex={0} aria-label={`Left: ${comparison.left.title}`}>
          <MemoMarkedText text={comparison.left.text} marks={leftMarks} />
        </div>
        <div ref={gutter} className="compare__gutter" aria-hidden="true">
          <svg width={GUTTER} height={gutterHeight}>
            {connectors.map((c) => (
              <path
                key={c.id}
                d={`M 0 ${c.y1} C ${GUTTER / 2} ${c.y1}, ${GUTTER / 2} ${c.y2}, ${GUTTER} ${c.y2}`}
                className={`cmp-connector cmp-connector--${c.type.toLowerCase()}${c.current ? " is-current" : ""}`}
              />
            ))}
          </svg>
        </div>
        <div ref={rightPane} className="compare__pane" tabIndex={0} aria-label={`Right: ${comparison.right.title}`}>
          <MemoMarkedText text={comparison.right.text} marks={rightMarks} />
        </div>
      </div>
      {current ? (
        <section className="compare__pair" aria-label="The selected pair">
          <div className="compare__quotes">
            <blockquote>“{truncate(current.left.exact, 300)}”</blockquote>
            <span className="compare__type">{current.sourceIsLeft ? `${LINK_LABEL[current.link.type].forward} →` : `← ${LINK_LABEL[current.link.type].forward}`}</span>
            <blockquote>“{truncate(current.right.exact, 300)}”</blockquote>
          </div>
          {current.link.note ? <p className="hint">{current.link.note}</p> : null}
          {current.link.type === "CONTRADICTS" ? (
            canDecide ? (
              <form key={current.link.id + (current.link.verdictAt ?? "")} className="compare__verdict" onSubmit={(e) => void saveVerdict(e)}>
                <div className="field">
                  <label htmlFor="verdict">Verdict</label>
                  <select id="verdict" name="verdict" defaultValue={current.link.verdict ?? "UNRESOLVED"}>
                    {(Object.keys(CONTRADICTION_VERDICT_LABEL) as ContradictionVerdict[]).map((v) => (
                      <option key={v} value={v}>
                        {v === "FIRST_MORE_RELIABLE" ? `First (${sideName(true)}) more reliable` : v === "SECOND_MORE_RELIABLE" ? `Second (${sideName(false)}) more reliable` : CONTRADICTION_VERDICT_LABEL[v]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field--grow">
                  <label htmlFor="rationale">Rationale</label>
                  <textarea id="rationale" name="rationale" rows={2} defaultValue={current.link.verdictRationale} placeholder="Why: provenance, proximity to the events, corroboration…" />
                </div>
                <button type="submit" className="button" disabled={saving}>
                  {saving ? "Saving…" : "Save verdict"}
                </button>
                {verdictError ? (
                  <div className="alert alert--error" role="alert">
                    {verdictError}
                  </div>
                ) : null}
              </form>
            ) : (
              <p>Verdict: {CONTRADICTION_VERDICT_LABEL[current.link.verdict ?? "UNRESOLVED"]}</p>
            )
          ) : null}
          {current.link.verdictBy && current.link.verdictAt ? (
            <p className="hint" role="status">
              Decided by {current.link.verdictBy.name} on {new Date(current.link.verdictAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}.
            </p>
          ) : null}
        </section>
      ) : null}
      <ul className="compare__list" aria-label="Linked pairs">
        {pairs.map((p) => (
          <li key={p.link.id}>
            <button type="button" className={`button--link${p.link.id === currentId ? " is-current" : ""}`} onClick={() => goTo(p)}>
              {LINK_LABEL[p.link.type].forward}: “{truncate(p.left.exact, 50)}” / “{truncate(p.right.exact, 50)}”
            </button>
            {p.link.type === "CONTRADICTS" ? <span className="badge">{CONTRADICTION_VERDICT_LABEL[p.link.verdict ?? "UNRESOLVED"]}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function DocumentHead({ doc }: { doc: Comparison["left"] }) {
  return (
    <header className="compare__head">
      <Link href={`/documents/${doc.id}`} className="compare__title">
        {doc.title}
      </Link>
      <span className="muted">{[doc.authors.join("; "), doc.dateText ?? "undated"].filter(Boolean).join(" · ")}</span>
    </header>
  );
}
