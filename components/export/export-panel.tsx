"use client";

import { useMemo, useRef, useState } from "react";
import { ANNOTATION_KINDS } from "@/lib/vocabulary/annotation-kind";
import { CLAIM_VERDICTS } from "@/lib/vocabulary/claim-verdict";
import type { ExportFormat, ExportSelection } from "@/lib/validations/export-selection";
import { exportUrl } from "@/components/api/uploads-api";
import { ErrorDetails } from "./error-details";
import { downloadFile, formatBytes, type DownloadProgress } from "./download-file";
import { KIND_LABEL } from "@/lib/vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL } from "@/lib/vocabulary/claim-verdict";

interface Option {
  id: string;
  name: string;
}

export interface ExportDocumentOption {
  id: string;
  title: string;
  dateText: string | null;
  annotationCount: number;
}

const FORMATS: { value: ExportFormat; label: string; description: string }[] = [
  { value: "report", label: "Readable report (HTML)", description: "Per document: claims with verdicts, bias markers by technique, contradictions with both quotes, each cited. Print it to PDF from the browser." },
  { value: "w3c", label: "W3C Web Annotation (JSON-LD)", description: "The standard model other annotation tools read. Positions in code points plus quotes; links as linking annotations." },
  { value: "csv", label: "Annotations (CSV)", description: "One row per annotation, for a spreadsheet, R or pandas." },
  { value: "links-csv", label: "Links (CSV)", description: "One row per link between two annotations, with both quotes and the verdict." },
  { value: "tei", label: "TEI P5 (XML)", description: "Each document's text with its annotations and links as stand-off markup; overlapping spans kept. Several documents come as a ZIP." },
  { value: "bundle", label: "Workbench bundle (ZIP)", description: "Everything, losslessly: documents, annotations, replies, links. Import it into another workspace or installation." },
];

type Filters = Omit<ExportSelection, "documentIds">;

type Run = { state: "idle" } | { state: "running"; progress: DownloadProgress } | { state: "done"; text: string } | { state: "failed"; message: string; details: string[] };

export function ExportPanel({ workspaceId, documents, techniques, tags, members }: { workspaceId: string; documents: ExportDocumentOption[]; techniques: Option[]; tags: Option[]; members: Option[] }) {
  const [format, setFormat] = useState<ExportFormat>("report");
  const [allDocuments, setAllDocuments] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<Filters>({});
  const [run, setRun] = useState<Run>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);

  const url = useMemo(
    () => exportUrl(workspaceId, { format, selection: { documentIds: allDocuments ? [] : [...chosen], ...filters } }),
    [workspaceId, format, allDocuments, chosen, filters],
  );
  const noDocuments = !allDocuments && chosen.size === 0;
  const dateProblem = filters.from && filters.to && filters.from > filters.to ? "The range ends before it starts." : null;
  const setFilter = (name: keyof Filters, value: string) => setFilters((current) => ({ ...current, [name]: value || undefined }));

  async function download() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRun({ state: "running", progress: { bytes: 0, annotations: null } });
    const result = await downloadFile(url, { signal: controller.signal, onProgress: (progress) => setRun({ state: "running", progress }) });
    if (result.ok) setRun({ state: "done", text: `Downloaded ${result.filename} (${formatBytes(result.bytes)}).` });
    else if ("aborted" in result) setRun({ state: "idle" });
    else setRun({ state: "failed", message: result.message, details: result.details });
  }

  function toggle(documentId: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(documentId);
      else next.delete(documentId);
      return next;
    });
  }

  return (
    <section className="card stack" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>

      <fieldset className="export-formats">
        <legend>Format</legend>
        {FORMATS.map((option) => (
          <label key={option.value} className="export-format">
            <input type="radio" name="format" value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
            <span>
              <strong>{option.label}</strong>
              <span className="hint">{option.description}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Documents</legend>
        <div className="segmented" role="radiogroup" aria-label="Which documents">
          <label>
            <input type="radio" name="documents" checked={allDocuments} onChange={() => setAllDocuments(true)} />
            All {documents.length}
          </label>
          <label>
            <input type="radio" name="documents" checked={!allDocuments} onChange={() => setAllDocuments(false)} />
            Choose…
          </label>
        </div>
        {!allDocuments ? (
          <ul className="export-documents">
            {documents.map((document) => (
              <li key={document.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={chosen.has(document.id)} onChange={(event) => toggle(document.id, event.target.checked)} />
                  <span>
                    {document.title}
                    <span className="muted">
                      {document.dateText ? ` · ${document.dateText}` : ""} · {document.annotationCount} annotation{document.annotationCount === 1 ? "" : "s"}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {noDocuments ? <p className="hint">Choose at least one document.</p> : null}
      </fieldset>

      <fieldset>
        <legend>Annotations</legend>
        <p className="hint">The same filters as the annotation panel. Only annotations you can see are exported: the workspace&apos;s and your own private ones.</p>
        <div className="form-grid">
          <Select label="Kind" value={filters.kind} onChange={(v) => setFilter("kind", v)} options={ANNOTATION_KINDS.map((k) => ({ id: k, name: KIND_LABEL[k] }))} />
          <Select label="Technique" value={filters.techniqueId} onChange={(v) => setFilter("techniqueId", v)} options={techniques} />
          <Select label="Tag" value={filters.tagId} onChange={(v) => setFilter("tagId", v)} options={tags} />
          <Select label="Verdict" value={filters.verdict} onChange={(v) => setFilter("verdict", v)} options={CLAIM_VERDICTS.map((v) => ({ id: v, name: CLAIM_VERDICT_LABEL[v] }))} />
          <Select label="Author" value={filters.authorId} onChange={(v) => setFilter("authorId", v)} options={members} />
          <div className="field">
            <label htmlFor="export-from">Made from</label>
            <input id="export-from" type="date" value={filters.from ?? ""} onChange={(event) => setFilter("from", event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="export-to">Made until</label>
            <input id="export-to" type="date" value={filters.to ?? ""} onChange={(event) => setFilter("to", event.target.value)} aria-invalid={dateProblem ? true : undefined} aria-describedby={dateProblem ? "export-date-error" : undefined} />
            {dateProblem ? (
              <span className="error" id="export-date-error">
                {dateProblem}
              </span>
            ) : null}
          </div>
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="button" className="button" onClick={download} disabled={run.state === "running" || noDocuments || Boolean(dateProblem)}>
          {run.state === "running" ? "Exporting…" : "Download"}
        </button>
        {format === "report" ? (
          <a className={`button button--quiet${noDocuments || dateProblem ? " is-disabled" : ""}`} href={`${url}&disposition=inline`} target="_blank" rel="noopener" aria-disabled={noDocuments || Boolean(dateProblem)}>
            Open report in a new tab
          </a>
        ) : null}
        {run.state === "running" ? (
          <button type="button" className="button button--quiet" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        ) : null}
      </div>

      <div role="status" aria-live="polite" className="export-status">
        {run.state === "running" ? (
          <>
            <progress aria-label="Export progress" />
            <span>
              {formatBytes(run.progress.bytes)} received
              {run.progress.annotations !== null ? ` · ${run.progress.annotations.toLocaleString("en")} annotations in the set` : ""}
            </span>
          </>
        ) : null}
        {run.state === "done" ? <span className="alert alert--ok">{run.text}</span> : null}
      </div>
      {run.state === "failed" ? <ErrorDetails message={run.message} details={run.details} /> : null}

      <details className="export-api">
        <summary>The same export over the HTTP API</summary>
        <p className="hint">Signed-in requests (the session cookie) may fetch it directly; the parameters are described in the README.</p>
        <code>GET {url}</code>
      </details>
    </section>
  );
}

function Select({ label, value, onChange, options }: { label: string; value: string | undefined; onChange: (value: string) => void; options: Option[] }) {
  const id = `export-${label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value)}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
