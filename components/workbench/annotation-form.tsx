"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { WorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { KIND_LABEL, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";
import type { Visibility } from "@/lib/vocabulary/visibility";
import { CLAIM_VERDICT_LABEL, type ClaimVerdict } from "@/lib/vocabulary/claim-verdict";

export interface AnnotationFormValues {
  kind: AnnotationKind;
  techniqueId: string | null;
  verdict: ClaimVerdict | null;
  confidence: number | null;
  note: string;
  visibility: Visibility;
  tagIds: string[];
}

/**
 * What an annotation says: kind-specific fields (a technique with its definition for bias markers,
 * verdict and confidence for claims), tags, a note and who may see it. Ctrl+Enter saves, Escape
 * cancels.
 */
export function AnnotationForm({
  initial,
  tags,
  quote,
  submitLabel,
  error,
  fieldErrors = {},
  pending,
  onSubmit,
  onCancel,
}: {
  initial: AnnotationFormValues;
  tags: WorkspaceTags;
  quote?: string;
  submitLabel: string;
  error?: string | null;
  fieldErrors?: Record<string, string>;
  pending: boolean;
  onSubmit: (values: AnnotationFormValues) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const formId = useId();
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => firstField.current?.focus(), []);

  const set = <K extends keyof AnnotationFormValues>(key: K, value: AnnotationFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const technique = tags.techniques.find((t) => t.id === values.techniqueId);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    onSubmit(values);
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="annotation-form" onSubmit={submit} onKeyDown={onKeyDown} aria-label={`${submitLabel}: ${KIND_LABEL[values.kind].toLowerCase()}`}>
      {quote ? <blockquote className="annotation-form__quote">{quote}</blockquote> : null}
      {error ? (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${formId}-kind`}>Kind</label>
        <select ref={firstField} id={`${formId}-kind`} value={values.kind} onChange={(e) => set("kind", e.target.value as AnnotationKind)}>
          {(Object.keys(KIND_LABEL) as AnnotationKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABEL[kind]}
            </option>
          ))}
        </select>
      </div>
      {values.kind === "BIAS_MARKER" ? (
        <div className="field">
          <label htmlFor={`${formId}-technique`}>Technique</label>
          <select id={`${formId}-technique`} value={values.techniqueId ?? ""} onChange={(e) => set("techniqueId", e.target.value || null)} aria-describedby={`${formId}-technique-def`}>
            <option value="">Not classified yet</option>
            {tags.techniques.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <span className="hint" id={`${formId}-technique-def`}>
            {technique ? technique.description : "Pick the propaganda technique this wording uses; its definition shows here."}
          </span>
          {fieldErrors.techniqueId ? <span className="error">{fieldErrors.techniqueId}</span> : null}
        </div>
      ) : null}
      {values.kind === "CLAIM" ? (
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${formId}-verdict`}>Verdict</label>
            <select id={`${formId}-verdict`} value={values.verdict ?? "UNVERIFIED"} onChange={(e) => set("verdict", e.target.value as ClaimVerdict)}>
              {(Object.keys(CLAIM_VERDICT_LABEL) as ClaimVerdict[]).map((v) => (
                <option key={v} value={v}>
                  {CLAIM_VERDICT_LABEL[v]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-confidence`}>Confidence{values.confidence === null ? "" : `: ${values.confidence}%`}</label>
            <input
              id={`${formId}-confidence`}
              type="range"
              min={0}
              max={100}
              step={5}
              value={values.confidence ?? 50}
              onChange={(e) => set("confidence", Number(e.target.value))}
              aria-valuetext={values.confidence === null ? "not set" : `${values.confidence} percent`}
            />
          </div>
        </div>
      ) : null}
      {tags.custom.length > 0 ? (
        <fieldset className="tag-picker">
          <legend>Tags</legend>
          {tags.custom.map((tag) => (
            <label key={tag.id} className="tag-option">
              <input
                type="checkbox"
                checked={values.tagIds.includes(tag.id)}
                onChange={(e) => set("tagIds", e.target.checked ? [...values.tagIds, tag.id] : values.tagIds.filter((id) => id !== tag.id))}
              />
              <span className="tag-swatch" style={{ background: tag.colour }} aria-hidden="true" /> {tag.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${formId}-note`}>Note</label>
        <textarea id={`${formId}-note`} rows={3} value={values.note} onChange={(e) => set("note", e.target.value)} placeholder="Why this matters, what corroborates or contradicts it…" />
        {fieldErrors.note ? <span className="error">{fieldErrors.note}</span> : null}
      </div>
      <div className="form-row form-row--between">
        <label className="checkbox">
          <input type="checkbox" checked={values.visibility === "PRIVATE"} onChange={(e) => set("visibility", e.target.checked ? "PRIVATE" : "WORKSPACE")} /> Private (only
          you see it)
        </label>
        <div className="form-actions">
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </button>
        </div>
      </div>
      <p className="hint" style={{ margin: 0 }}>
        Ctrl+Enter saves · Esc cancels
      </p>
    </form>
  );
}
