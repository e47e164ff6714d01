"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import { saveAssignment } from "@/components/api/classroom-api";
import { isEnumValue } from "@/lib/vocabulary/enum-values";
import { MARK_KINDS, type MarkKind } from "@/lib/vocabulary/annotation-kind";

const KIND_LABEL: Record<MarkKind, string> = { BIAS_MARKER: "Bias markers (with techniques)", CLAIM: "Claims", CONTRADICTION: "Contradictions" };

export interface AssignmentFormValues {
  title: string;
  instructions: string;
  documentIds: string[];
  markKinds: MarkKind[];
  /** ISO date-times, or null. */
  opensAt: string | null;
  dueAt: string | null;
}

/** A datetime-local field's value for a date (the browser's local time, to the minute). */
function toLocalInput(date: Date | string | null): string {
  if (!date) return "";
  const d = new Date(date);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Creates an assignment (POST to the workspace) or edits one (PUT to the assignment). */
export function AssignmentForm({
  workspaceId,
  assignmentId,
  documents,
  initial,
}: {
  workspaceId: string;
  assignmentId?: string;
  documents: { id: string; title: string }[];
  initial?: AssignmentFormValues;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const toIso = (value: FormDataEntryValue | null) => (typeof value === "string" && value ? new Date(value).toISOString() : null);
    const body = {
      title: String(form.get("title") ?? ""),
      instructions: String(form.get("instructions") ?? ""),
      documentIds: form.getAll("documentIds").map(String),
      markKinds: form.getAll("markKinds").filter((kind): kind is MarkKind => isEnumValue(MARK_KINDS, kind)),
      opensAt: toIso(form.get("opensAt")),
      dueAt: toIso(form.get("dueAt")),
    };
    setPending(true);
    setError(null);
    setSaved(false);
    const result = assignmentId
      ? await saveAssignment({ assignmentId }, body)
      : await saveAssignment({ workspaceId }, body);
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fieldErrors);
      return;
    }
    setFieldErrors({});
    if (assignmentId) {
      setSaved(true);
      router.refresh();
    } else {
      router.push(`/w/${workspaceId}/assignments/${result.data.assignment.id}`);
    }
  }

  const values = initial ?? { title: "", instructions: "", documentIds: [], markKinds: ["BIAS_MARKER"], opensAt: null, dueAt: null };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={assignmentId ? "Edit assignment" : "New assignment"}>
      {error ? <FormError message={error} /> : null}
      {saved ? (
        <div className="alert alert--ok" role="status">
          Saved.
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="assignment-title">Title</label>
        <input id="assignment-title" name="title" defaultValue={values.title} required maxLength={200} />
        {fieldErrors.title ? <span className="error">{fieldErrors.title}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="assignment-instructions">Instructions</label>
        <textarea id="assignment-instructions" name="instructions" rows={3} defaultValue={values.instructions} maxLength={10000} />
      </div>
      <fieldset className="form-section">
        <legend>Documents</legend>
        {documents.length === 0 ? <p className="muted">This workspace has no documents yet: add one first.</p> : null}
        {documents.map((d) => (
          <label key={d.id} className="checkbox">
            <input type="checkbox" name="documentIds" value={d.id} defaultChecked={values.documentIds.includes(d.id)} /> {d.title}
          </label>
        ))}
        {fieldErrors.documentIds ? <span className="field error">{fieldErrors.documentIds}</span> : null}
      </fieldset>
      <fieldset className="form-section">
        <legend>What students mark</legend>
        {MARK_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="checkbox" name="markKinds" value={kind} defaultChecked={values.markKinds.includes(kind)} /> {KIND_LABEL[kind]}
          </label>
        ))}
        {fieldErrors.markKinds ? <span className="field error">{fieldErrors.markKinds}</span> : null}
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="assignment-opens">Opens (empty: now)</label>
          {/* The server renders in its own time zone; the browser's local time wins on hydration. */}
          <input id="assignment-opens" type="datetime-local" name="opensAt" defaultValue={toLocalInput(values.opensAt)} suppressHydrationWarning />
          {fieldErrors.opensAt ? <span className="error">{fieldErrors.opensAt}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="assignment-due">Due</label>
          <input id="assignment-due" type="datetime-local" name="dueAt" defaultValue={toLocalInput(values.dueAt)} suppressHydrationWarning />
          {fieldErrors.dueAt ? <span className="error">{fieldErrors.dueAt}</span> : null}
        </div>
      </div>
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : assignmentId ? "Save changes" : "Create assignment"}
        </button>
      </div>
    </form>
  );
}
