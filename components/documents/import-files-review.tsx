"use client";

import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import type { FilePreview } from "@/lib/documents/import-document-file";
import type { FileResult } from "@/lib/documents/import-document-files";
import { importDocumentBatch } from "@/components/api/uploads-api";
import { SOURCE_KINDS, SOURCE_KIND_LABEL } from "@/lib/vocabulary/source-kind";

/** Extensions the file picker offers (the server checks each file's content anyway). */
const ACCEPT = ".pdf,.docx,.html,.htm,.xhtml,.xml,.tei,.txt,.text,.md,.markdown,.zip";
const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "iso-8859-5", "windows-1252", "iso-8859-1", "iso-8859-2", "windows-1250"];
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Files read at once while previewing: the server parses in a small worker pool. */
const PARALLEL = 2;

type Status = "reading" | "ready" | "problem" | "storing" | "stored" | "failed";

interface Fields {
  title: string;
  authors: string;
  dateText: string;
  sourceKind: string;
  language: string;
}

interface Row {
  key: string;
  /** The uploaded file: the document itself, or the ZIP it is an entry of. */
  file: File;
  /** The name the server knows it by: the file's name, or the entry's path in its ZIP. */
  name: string;
  inZip: boolean;
  status: Status;
  preview: FilePreview | null;
  message: string | null;
  fields: Fields;
  encoding: string | null;
  url: string | null;
}

const STATUS_LABEL: Record<Status, string> = {
  reading: "Reading…",
  ready: "Ready",
  problem: "Not importable",
  storing: "Storing…",
  stored: "Added",
  failed: "Not added",
};

function fieldsFrom(preview: FilePreview): Fields {
  const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join("; ") : (value ?? ""));
  const m = preview.metadata;
  return { title: text(m.title), authors: text(m.authors), dateText: text(m.dateText), sourceKind: text(m.sourceKind), language: text(m.language) };
}

function metadataOf(fields: Fields): Record<string, string | string[]> {
  return {
    title: fields.title,
    authors: fields.authors.split(";").map((a) => a.trim()).filter(Boolean),
    dateText: fields.dateText,
    sourceKind: fields.sourceKind,
    language: fields.language,
  };
}

async function postBatch(workspaceId: string, body: FormData): Promise<{ results: FileResult[] } | { error: string }> {
  const answer = await importDocumentBatch(workspaceId, body);
  return answer.ok ? { results: answer.data.results } : { error: answer.message };
}

/**
 * Many files at once, or a ZIP of them: each is read on the server (nothing stored) and listed
 * with its detected format and encoding, metadata prefilled from the file and editable, its first
 * lines, or its problem. Confirming stores every ready file, one request per file (a ZIP's files
 * together), with progress per row; a bad file never stops the others.
 */
export function ImportFilesReview({ workspaceId }: { workspaceId: string }) {
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [storing, setStoring] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  const update = (key: string, change: (row: Row) => Row) => setRows((all) => all.map((row) => (row.key === key ? change(row) : row)));

  function applyResult(key: string, result: FileResult | undefined, stored: boolean) {
    update(key, (row) => {
      if (!result) return { ...row, status: stored ? "failed" : "problem", message: "The server did not answer for this file." };
      if (!result.ok) return { ...row, status: stored ? "failed" : "problem", message: result.message };
      if (stored) return { ...row, status: "stored", url: result.url, message: null };
      return { ...row, status: "ready", preview: result.preview, fields: fieldsFrom(result.preview), encoding: result.preview.encoding, message: result.preview.metadataProblem };
    });
  }

  async function preview(file: File, key: string, encoding?: string) {
    const body = new FormData();
    body.append("file", file);
    body.append("dryRun", "1");
    if (encoding) body.append("encodings", JSON.stringify({ [file.name]: encoding }));
    const answer = await postBatch(workspaceId, body);
    if ("error" in answer) return update(key, (row) => ({ ...row, status: "problem", message: `“${file.name}”: ${answer.error}` }));
    if (!file.name.toLowerCase().endsWith(".zip")) return applyResult(key, answer.results[0], false);
    // A ZIP's one placeholder row becomes a row per file inside it.
    setRows((all) => {
      const at = all.findIndex((row) => row.key === key);
      const entries: Row[] = answer.results.map((result) => ({
        key: `${key}/${result.file}`,
        file,
        name: result.file,
        inZip: true,
        status: result.ok ? "ready" : "problem",
        preview: result.ok ? result.preview : null,
        message: result.ok ? result.preview.metadataProblem : result.message,
        fields: result.ok ? fieldsFrom(result.preview) : { title: "", authors: "", dateText: "", sourceKind: "", language: "" },
        encoding: result.ok ? result.preview.encoding : null,
        url: null,
      }));
      return [...all.slice(0, at), ...entries, ...all.slice(at + 1)];
    });
  }

  async function addFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    setError(null);
    const added: Row[] = Array.from(list).map((file) => ({
      key: `f${nextKey.current++}`,
      file,
      name: file.name,
      inZip: false,
      status: file.size > MAX_FILE_BYTES && !file.name.toLowerCase().endsWith(".zip") ? "problem" : "reading",
      preview: null,
      message: file.size > MAX_FILE_BYTES && !file.name.toLowerCase().endsWith(".zip") ? `“${file.name}”: the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB per file.` : null,
      fields: { title: "", authors: "", dateText: "", sourceKind: "", language: "" },
      encoding: null,
      url: null,
    }));
    setRows((all) => [...all, ...added]);
    const queue = added.filter((row) => row.status === "reading");
    const work = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await preview(row.file, row.key);
    };
    await Promise.all(Array.from({ length: PARALLEL }, work));
  }

  async function changeEncoding(row: Row, encoding: string) {
    update(row.key, (r) => ({ ...r, status: "reading", encoding }));
    await preview(row.file, row.key, encoding);
  }

  async function confirm() {
    const ready = rows.filter((row) => row.status === "ready");
    const untitled = ready.filter((row) => !row.fields.title.trim());
    if (untitled.length > 0) {
      setError(`Give ${untitled.length === 1 ? `“${untitled[0]!.name}”` : `${untitled.length} files`} a title first.`);
      return;
    }
    setError(null);
    setStoring(true);
    // Each loose file is its own request; a ZIP's ready files go together with the ZIP.
    const groups = new Map<File, Row[]>();
    for (const row of ready) groups.set(row.file, [...(groups.get(row.file) ?? []), row]);
    for (const [file, group] of groups) {
      for (const row of group) update(row.key, (r) => ({ ...r, status: "storing" }));
      const body = new FormData();
      body.append("file", file);
      body.append("metadata", JSON.stringify(Object.fromEntries(group.map((row) => [row.name, metadataOf(row.fields)]))));
      body.append("encodings", JSON.stringify(Object.fromEntries(group.filter((row) => row.encoding && !row.inZip).map((row) => [row.name, row.encoding]))));
      if (group[0]!.inZip) body.append("include", JSON.stringify(group.map((row) => row.name)));
      const answer = await postBatch(workspaceId, body);
      for (const row of group) {
        if ("error" in answer) update(row.key, (r) => ({ ...r, status: "failed", message: `“${row.name}”: ${answer.error}` }));
        else applyResult(row.key, answer.results.find((result) => result.file === row.name), true);
      }
    }
    setStoring(false);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void addFiles(event.dataTransfer.files);
  }

  const count = (status: Status) => rows.filter((row) => row.status === status).length;
  const done = count("stored") + count("failed");
  const total = done + count("storing") + (storing ? count("ready") : 0);
  const readyCount = count("ready");
  const busy = storing || count("reading") > 0;

  return (
    <div className="import-review">
      <FormError message={error} />
      <label
        className={`drop-zone${dragging ? " drop-zone--active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="drop-zone__title">Drop files here, or choose them</span>
        <span className="hint">PDF (with a text layer), Word .docx, saved web pages (.html), TEI .xml, plain text or Markdown in any common encoding — or one .zip of them, with an optional manifest.json or metadata.csv. Up to 20 MB per file.</span>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          aria-label="Files to add"
          onChange={(event) => {
            void addFiles(event.target.files);
            event.target.value = "";
          }}
        />
      </label>

      {rows.length === 0 ? (
        <p className="empty-state">No files chosen yet. Nothing is stored until you confirm.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table review-table">
              <caption className="visually-hidden">Files to add, with their metadata</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Metadata</th>
                  <th scope="col">First lines</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const editable = row.status === "ready";
                  const p = row.preview;
                  return (
                    <tr key={row.key} data-file={row.name} className={`review-row review-row--${row.status}`}>
                      <td className="review-file">
                        <strong>{row.name}</strong>
                        {row.inZip ? <span className="hint">in {row.file.name}</span> : null}
                        {p ? (
                          <span className="hint">
                            {p.formatLabel}
                            {p.pages > 0 ? `, ${p.pages} page${p.pages === 1 ? "" : "s"}` : ""}, {p.characters.toLocaleString("en")} characters
                          </span>
                        ) : null}
                        {p?.encoding && !row.inZip && (p.format === "text" || p.format === "markdown" || p.format === "html") ? (
                          <label className="review-encoding">
                            Encoding{" "}
                            <select value={row.encoding ?? p.encoding} disabled={!editable} onChange={(event) => void changeEncoding(row, event.target.value)} aria-label={`Encoding of ${row.name}`}>
                              {[...new Set([p.encoding, ...ENCODINGS])].map((encoding) => (
                                <option key={encoding} value={encoding}>
                                  {encoding}
                                  {encoding === p.encoding && !row.encoding ? " (detected)" : ""}
                                </option>
                              ))}
                            </select>
                          </label>
                        ) : null}
                        {!row.inZip && (row.status === "ready" || row.status === "problem") ? (
                          <button type="button" className="button button--link" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))} aria-label={`Remove ${row.name}`}>
                            Remove
                          </button>
                        ) : null}
                      </td>
                      <td className="review-fields">
                        {p ? (
                          <div className="review-fields__stack">
                            <input aria-label={`Title of ${row.name}`} placeholder="Title" value={row.fields.title} disabled={!editable} onChange={(e) => update(row.key, (r) => ({ ...r, fields: { ...r.fields, title: e.target.value } }))} />
                            <input aria-label={`Authors of ${row.name}`} placeholder="Authors (; between)" value={row.fields.authors} disabled={!editable} onChange={(e) => update(row.key, (r) => ({ ...r, fields: { ...r.fields, authors: e.target.value } }))} />
                            <div className="review-fields__row">
                              <input aria-label={`Date of ${row.name}`} placeholder="Date" value={row.fields.dateText} disabled={!editable} onChange={(e) => update(row.key, (r) => ({ ...r, fields: { ...r.fields, dateText: e.target.value } }))} />
                              <select aria-label={`Kind of ${row.name}`} value={row.fields.sourceKind} disabled={!editable} onChange={(e) => update(row.key, (r) => ({ ...r, fields: { ...r.fields, sourceKind: e.target.value } }))}>
                                <option value="">Kind…</option>
                                {SOURCE_KINDS.map((kind) => (
                                  <option key={kind} value={kind}>
                                    {SOURCE_KIND_LABEL[kind]}
                                  </option>
                                ))}
                              </select>
                              <input aria-label={`Language of ${row.name}`} placeholder="Lang." className="review-lang" value={row.fields.language} disabled={!editable} onChange={(e) => update(row.key, (r) => ({ ...r, fields: { ...r.fields, language: e.target.value } }))} />
                            </div>
                          </div>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="review-lines">{p ? <pre lang={row.fields.language || undefined}>{p.firstLines.split("\n").filter(Boolean).slice(0, 4).join("\n")}</pre> : null}</td>
                      <td className="review-status" aria-live="polite">
                        <span className={`review-status__label review-status__label--${row.status}`}>{STATUS_LABEL[row.status]}</span>
                        {row.url ? <Link href={row.url}>Open</Link> : null}
                        {row.message ? <span className={row.status === "problem" || row.status === "failed" ? "error" : "hint"}>{row.message}</span> : null}
                        {p && p.warnings.length > 0 && row.status !== "stored" ? <span className="hint">{p.warnings.join(" ")}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="form-actions review-actions">
            <button type="button" className="button" disabled={busy || readyCount === 0} onClick={() => void confirm()}>
              {storing ? "Adding…" : `Add ${readyCount} document${readyCount === 1 ? "" : "s"}`}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => input.current?.click()}>
              Choose more files
            </button>
            {total > 0 ? (
              <span className="review-progress">
                <progress max={total} value={done} aria-label="Files stored" /> {done} of {total}
              </span>
            ) : null}
            {!storing && count("stored") > 0 ? (
              <span role="status">
                {count("stored")} added{count("failed") + count("problem") > 0 ? `, ${count("failed") + count("problem")} not added` : ""}. <Link href={`/w/${workspaceId}`}>Go to the library</Link>
              </span>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
