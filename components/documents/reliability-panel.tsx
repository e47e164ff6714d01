"use client";

import { useState, type FormEvent } from "react";
import type { ReliabilitySummary } from "@/lib/documents/get-reliability-summary";
import { rateReliability } from "@/components/api/documents-api";
import { truncate } from "@/components/labels/truncate";
import { CLAIM_VERDICT_LABEL, type ClaimVerdict } from "@/lib/vocabulary/claim-verdict";
import { CONTRADICTION_VERDICT_LABEL, type ContradictionVerdict } from "@/lib/vocabulary/contradiction-verdict";

const RATING_LABEL = ["", "1 · unreliable", "2 · doubtful", "3 · mixed", "4 · fairly reliable", "5 · reliable"];
const EFFECT_LABEL = { supports: "supports", undermines: "undermines", open: "open", neutral: "no effect" } as const;

/**
 * The source's reliability as its verdicts show it: counts, the annotations and contradictions
 * that produced them, and a manual rating (with its reason) that overrides the derived label.
 */
export function ReliabilityPanel({ documentId, summary: initial, canRate }: { documentId: string; summary: ReliabilitySummary; canRate: boolean }) {
  const [summary, setSummary] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = summary.claimCounts;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const rating = Number(form.get("rating"));
    const result = await rateReliability(documentId, rating ? { rating, reason: String(form.get("reason") ?? "") } : { rating: null });
    if (!result.ok) return setError(result.message);
    setSummary(result.data);
    setEditing(false);
    setError(null);
  }

  const verdictLabel = (verdict: string, source: "claim" | "contradiction") =>
    source === "claim" ? CLAIM_VERDICT_LABEL[verdict as ClaimVerdict] : CONTRADICTION_VERDICT_LABEL[verdict as ContradictionVerdict];

  return (
    <details className="metadata-panel reliability-panel" aria-label="Reliability">
      <summary>
        Reliability: {summary.manual ? `${RATING_LABEL[summary.manual.rating]} (manual)` : summary.derived}
        <span className="metadata-panel__summary">
          {c.CORROBORATED} corroborated · {c.DISPUTED} disputed · {c.REFUTED} refuted · {c.UNVERIFIED} unverified · {summary.contradictions.total} contradiction
          {summary.contradictions.total === 1 ? "" : "s"} ({summary.contradictions.unresolved} open)
        </span>
      </summary>
      {summary.manual ? (
        <p className="alert alert--info">
          A manual rating overrides the derived one (“{summary.derived}”): {RATING_LABEL[summary.manual.rating]}, by {summary.manual.by ?? "someone"} — “{summary.manual.reason}”
        </p>
      ) : (
        <p className="hint">Derived from the verdicts below: {summary.counts.supports} support the source, {summary.counts.undermines} undermine it, {summary.counts.open} are open.</p>
      )}
      {summary.evidence.length === 0 ? <p className="muted">No claims or contradictions judged yet.</p> : null}
      <ul className="evidence">
        {summary.evidence.map((item) => (
          <li key={`${item.source}-${item.linkId ?? item.annotationId}`} className={`evidence--${item.effect}`}>
            <a href={`/documents/${documentId}?annotation=${item.annotationId}`}>“{truncate(item.quote, 70)}”</a>{" "}
            <span className="muted">
              {item.source === "claim" ? "claim" : `contradiction with ${item.otherDocument ? truncate(item.otherDocument.title, 40) : "another passage"}`}: {verdictLabel(item.verdict, item.source)} —{" "}
              {EFFECT_LABEL[item.effect]}
            </span>
          </li>
        ))}
      </ul>
      {summary.evidenceTotal > summary.evidence.length ? (
        <p className="hint">
          The {summary.evidence.length} most telling of {summary.evidenceTotal.toLocaleString("en")} shown: contradictions first, then refuted, disputed and corroborated claims. The annotation panel&rsquo;s verdict filter lists every claim.
        </p>
      ) : null}
      {canRate ? (
        editing ? (
          <form className="form" onSubmit={(e) => void save(e)}>
            {error ? (
              <div className="alert alert--error" role="alert">
                {error}
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="reliability-rating">Manual rating</label>
              <select id="reliability-rating" name="rating" defaultValue={summary.manual?.rating ?? 0}>
                <option value={0}>None: use the derived summary</option>
                {[1, 2, 3, 4, 5].map((r) => (
                  <option key={r} value={r}>
                    {RATING_LABEL[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="reliability-reason">Reason</label>
              <textarea id="reliability-reason" name="reason" rows={2} defaultValue={summary.manual?.reason ?? ""} />
            </div>
            <div className="form-actions">
              <button type="submit" className="button">
                Save rating
              </button>
              <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            {summary.manual ? "Change manual rating" : "Rate manually…"}
          </button>
        )
      ) : null}
    </details>
  );
}
