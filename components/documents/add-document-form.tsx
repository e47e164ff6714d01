"use client";

import { useHydrated } from "@/components/forms/use-hydrated";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import { DocumentMetadataFields } from "./document-metadata-fields";
import { ImportFilesReview } from "./import-files-review";
import { addDocument } from "@/components/api/uploads-api";

type Source = "paste" | "file";

/**
 * Add documents: pasted text with its metadata, or files of any supported format (many at once,
 * or a ZIP) through the review table.
 */
export function AddDocumentForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [source, setSource] = useState<Source>("paste");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing: Record<string, string> = {};
    if (!String(form.get("title") ?? "").trim()) missing.title = "Give the document a title.";
    if (!String(form.get("text") ?? "").trim()) missing.text = "Paste the source's text.";
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setError(Object.keys(missing).length === 1 ? Object.values(missing)[0]! : "Please fill in the marked fields.");
      return;
    }
    setPending(true);
    setError(null);
    setFieldErrors({});
    const answer = await addDocument(workspaceId, form);
    if (answer.ok) {
      router.push(answer.data.url);
      router.refresh();
      return;
    }
    setError(answer.message);
    setFieldErrors(answer.fieldErrors);
    setPending(false);
  }

  const textError = fieldErrors.text;
  const sourceChoice = (
    <div className="segmented" role="radiogroup" aria-label="Where the text comes from" style={{ marginBottom: 14 }}>
      <label>
        <input type="radio" name="source" value="paste" checked={source === "paste"} onChange={() => setSource("paste")} /> Paste text
      </label>
      <label>
        <input type="radio" name="source" value="file" checked={source === "file"} onChange={() => setSource("file")} /> Upload files
      </label>
    </div>
  );
  if (source === "file") {
    return (
      <div className="form">
        <fieldset className="form-section">
          <legend>Files</legend>
          {sourceChoice}
          <ImportFilesReview workspaceId={workspaceId} />
        </fieldset>
      </div>
    );
  }
  return (
    <form method="post" className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormError message={error} />
      <fieldset className="form-section">
        <legend>Text</legend>
        {sourceChoice}
        <div className="field">
          <label htmlFor="text">The source&apos;s text</label>
          <textarea
            id="text"
            name="text"
            className="source-text"
            aria-invalid={textError ? true : undefined}
            aria-describedby="text-hint"
            placeholder="Paste the transcription here. Leave a blank line between paragraphs."
          />
          <span className="hint" id="text-hint">
            Plain text, up to 5 MB. The text is kept exactly as given; annotations will point into it.
          </span>
          {textError ? <span className="error">{textError}</span> : null}
        </div>
      </fieldset>
      <DocumentMetadataFields fieldErrors={fieldErrors} />
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending || !hydrated}>
          {pending ? "Adding…" : "Add document"}
        </button>
      </div>
    </form>
  );
}
