"use client";

import { useHydrated } from "@/components/forms/use-hydrated";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import { DocumentMetadataFields } from "./document-metadata-fields";

const MAX_BYTES = 5 * 1024 * 1024;

type Source = "paste" | "file";

/** Add a document: its text (pasted or a .txt/.md file) and its metadata, sent to the documents API. */
export function AddDocumentForm({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [source, setSource] = useState<Source>("paste");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const [fileNote, setFileNote] = useState<string | null>(null);

  function checkFile(file: File | undefined) {
    setFieldErrors(({ file: _dropped, ...rest }) => rest);
    if (!file) return setFileNote(null);
    if (file.size > MAX_BYTES) {
      setFieldErrors((errors) => ({ ...errors, file: `This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.` }));
      return setFileNote(null);
    }
    setFileNote(`${file.name}, ${file.size < 1024 ? `${file.size} bytes` : `${Math.round(file.size / 1024)} KB`}`);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (source === "paste") form.delete("file");
    else form.delete("text");
    const file = form.get("file");
    if (file instanceof File && file.size > MAX_BYTES) {
      setError("The file is larger than 5 MB. Split the text into parts and add each as a document.");
      return;
    }
    const missing: Record<string, string> = {};
    if (!String(form.get("title") ?? "").trim()) missing.title = "Give the document a title.";
    if (source === "paste" && !String(form.get("text") ?? "").trim()) missing.text = "Paste the source's text.";
    if (source === "file" && !(file instanceof File && file.size > 0)) missing.file = "Choose a .txt or .md file.";
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setError(Object.keys(missing).length === 1 ? Object.values(missing)[0]! : "Please fill in the marked fields.");
      return;
    }
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const response = await fetch(`/api/workspaces/${workspaceId}/documents`, { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as { url?: string; error?: { message: string; fieldErrors: Record<string, string> } } | null;
      if (response.ok && body?.url) {
        router.push(body.url);
        router.refresh();
        return;
      }
      setError(body?.error?.message ?? `The server answered ${response.status}. Nothing was saved.`);
      setFieldErrors(body?.error?.fieldErrors ?? {});
    } catch {
      setError("Could not reach the server. Nothing was saved; check your connection and try again.");
    }
    setPending(false);
  }

  const textError = fieldErrors.text;
  return (
    <form method="post" className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormError message={error} />
      <fieldset className="form-section">
        <legend>Text</legend>
        <div className="segmented" role="radiogroup" aria-label="Where the text comes from" style={{ marginBottom: 14 }}>
          <label>
            <input type="radio" name="source" value="paste" checked={source === "paste"} onChange={() => setSource("paste")} /> Paste text
          </label>
          <label>
            <input type="radio" name="source" value="file" checked={source === "file"} onChange={() => setSource("file")} /> Upload a file
          </label>
        </div>
        <div className="field" hidden={source !== "paste"}>
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
        <div className="field" hidden={source !== "file"}>
          <label htmlFor="file">A .txt or .md file</label>
          <input id="file" name="file" type="file" accept=".txt,.text,.md,.markdown,text/plain,text/markdown" onChange={(e) => checkFile(e.target.files?.[0])} aria-describedby="file-hint" />
          <span className="hint" id="file-hint">
            {fileNote ?? "UTF-8 text, up to 5 MB."}
          </span>
          {fieldErrors.file ? <span className="error">{fieldErrors.file}</span> : null}
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
