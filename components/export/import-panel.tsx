"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ImportReport } from "@/lib/import/import-plan";
import { importAnnotations } from "@/components/api/uploads-api";
import { ErrorDetails } from "./error-details";

type Result = { state: "idle" } | { state: "running" } | { state: "done"; report: ImportReport } | { state: "failed"; message: string; details: string[] };

/** Upload a bundle or W3C JSON-LD; show what was imported, what was orphaned, and any warnings. */
export function ImportPanel({ workspaceId, documents }: { workspaceId: string; documents: { id: string; title: string }[] }) {
  const router = useRouter();
  const [result, setResult] = useState<Result>({ state: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setResult({ state: "failed", message: "Choose a file to import.", details: [] });
      return;
    }
    setResult({ state: "running" });
    try {
      const answer = await importAnnotations(workspaceId, form);
      if (answer.ok) {
        setResult({ state: "done", report: answer.data.report });
        router.refresh();
      } else {
        setResult({ state: "failed", message: answer.message, details: answer.details });
      }
    } catch {
      setResult({ state: "failed", message: "The server could not be reached. Nothing was imported.", details: [] });
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p className="hint">
        A workbench bundle (.zip) adds its documents with their annotations, replies and links. W3C Web Annotation JSON-LD (from this workbench, Hypothesis or another tool) adds annotations to documents already here. Every annotation is placed on
        the text again; one that cannot be placed is kept as an orphan for you to re-attach. A file with any error is refused whole.
      </p>
      <form className="stack" onSubmit={submit} aria-busy={result.state === "running"}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="import-file">File</label>
            <input id="import-file" name="file" type="file" accept=".zip,.json,.jsonld,application/zip,application/json,application/ld+json" required />
            <span className="hint">Up to 100 MB.</span>
          </div>
          <div className="field">
            <label htmlFor="import-document">For JSON-LD: place the annotations on</label>
            <select id="import-document" name="documentId" defaultValue="">
              <option value="">The document each one names (by title)</option>
              {documents.map((document) => (
                <option key={document.id} value={document.id}>
                  {document.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={result.state === "running"}>
            {result.state === "running" ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {result.state === "running" ? <progress aria-label="Import progress" /> : null}
        {result.state === "done" ? <ImportSummary report={result.report} /> : null}
      </div>
      {result.state === "failed" ? <ErrorDetails message={result.message} details={result.details} suffix="Nothing was imported." /> : null}
    </section>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const { anchoring } = report;
  const placed = anchoring.exact + anchoring.moved + anchoring.fuzzy;
  return (
    <div className="alert alert--ok import-summary">
      <p>
        <strong>Imported {report.annotations.toLocaleString("en")} annotation{report.annotations === 1 ? "" : "s"}</strong>
        {report.documentsCreated.length > 0 ? `, ${report.documentsCreated.length} document${report.documentsCreated.length === 1 ? "" : "s"}` : ""}, {report.replies} repl{report.replies === 1 ? "y" : "ies"} and {report.links} link
        {report.links === 1 ? "" : "s"}.
      </p>
      <p>
        Placed on the text: {placed.toLocaleString("en")} ({anchoring.exact} exactly where given, {anchoring.moved} found by their quote, {anchoring.fuzzy} by a close match). Orphaned: {anchoring.orphaned}.
      </p>
      {report.tagsCreated.length > 0 ? <p>New tags: {report.tagsCreated.join(", ")}.</p> : null}
      {report.documentsCreated.length > 0 ? (
        <ul>
          {report.documentsCreated.map((document) => (
            <li key={document.id}>
              <Link href={`/documents/${document.id}`}>{document.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {report.orphans.length > 0 ? (
        <>
          <p>These could not be placed; each document lists them under “Orphaned” to re-attach or delete:</p>
          <ul>
            {report.orphans.slice(0, 50).map((orphan, index) => (
              <li key={`${orphan.where}-${index}`}>
                “{orphan.exact.length > 80 ? `${orphan.exact.slice(0, 80)}…` : orphan.exact}” in <Link href={`/documents/${orphan.documentId}`}>{orphan.documentTitle}</Link> <span className="muted">({orphan.where})</span>
              </li>
            ))}
          </ul>
          {report.orphans.length > 50 ? <p>…and {report.orphans.length - 50} more.</p> : null}
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <p>Notes:</p>
          <ul>
            {report.warnings.slice(0, 20).map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
