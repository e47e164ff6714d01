"use client";

import { useState } from "react";
import { Field } from "@/components/auth/field";
import { formatDateKey, parseHistoricalDate } from "@/lib/documents/parse-historical-date";
import { SUGGESTED_GENRES } from "@/lib/validations/document-metadata";
import { SOURCE_KINDS, SOURCE_KIND_LABEL } from "@/lib/vocabulary/source-kind";

export interface MetadataValues {
  title?: string;
  authors?: string[];
  dateText?: string | null;
  place?: string | null;
  sourceKind?: string | null;
  genre?: string | null;
  language?: string | null;
  provenance?: string | null;
  notes?: string;
  containerTitle?: string | null;
  publisher?: string | null;
  publisherPlace?: string | null;
  edition?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  url?: string | null;
  archiveLocation?: string | null;
}

/** How the library will sort a date as typed, shown live under the date field. */
function datePreview(text: string): string {
  if (!text.trim()) return "Leave empty if unknown; undated sources sort last.";
  const keys = parseHistoricalDate(text);
  if (!keys) return "Kept as written, but not understood for sorting. Try “1925”, “c. 1925”, “10 January 1924” or “1945–1952”.";
  const from = formatDateKey(keys.sortKey);
  const to = formatDateKey(keys.endKey);
  const span = keys.sortKey === keys.endKey || from === to.slice(0, from.length) ? from : `${from} – ${to}`;
  return `Sorted as ${span}${keys.approximate ? " (approximate)" : ""}.`;
}

/** The source-metadata fields, shared by "add document" and "edit metadata". */
export function DocumentMetadataFields({ values = {}, fieldErrors }: { values?: MetadataValues; fieldErrors: Record<string, string> }) {
  const [dateText, setDateText] = useState(values.dateText ?? "");
  const text = (v: string | null | undefined) => v ?? "";

  return (
    <>
      <fieldset className="form-section">
        <legend>Source</legend>
        <div className="form-grid">
          <Field id="title" label="Title" error={fieldErrors.title} wide>
            {(props) => <input {...props} name="title" type="text" required maxLength={500} defaultValue={text(values.title)} />}
          </Field>
          <Field id="authors" label="Author(s)" hint="One per line, or separated by semicolons." error={fieldErrors.authors}>
            {(props) => <textarea {...props} name="authors" rows={2} defaultValue={(values.authors ?? []).join("\n")} />}
          </Field>
          <Field id="dateText" label="Date" hint={datePreview(dateText)} error={fieldErrors.dateText}>
            {(props) => (
              <input {...props} name="dateText" type="text" maxLength={100} value={dateText} onChange={(e) => setDateText(e.target.value)} placeholder="c. 1925" />
            )}
          </Field>
          <Field id="place" label="Place" error={fieldErrors.place}>
            {(props) => <input {...props} name="place" type="text" maxLength={200} defaultValue={text(values.place)} />}
          </Field>
          <div className="field field--wide">
            <span className="label" id="sourceKind-label">
              Kind of source
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby="sourceKind-label">
              <label>
                <input type="radio" name="sourceKind" value="" defaultChecked={!values.sourceKind} /> Unknown
              </label>
              {SOURCE_KINDS.map((kind) => (
                <label key={kind}>
                  <input type="radio" name="sourceKind" value={kind} defaultChecked={values.sourceKind === kind} /> {SOURCE_KIND_LABEL[kind]}
                </label>
              ))}
            </div>
            {fieldErrors.sourceKind ? <span className="error">{fieldErrors.sourceKind}</span> : null}
          </div>
          <Field id="genre" label="Genre" hint="Official, press, memoir, scholarly… or your own word." error={fieldErrors.genre}>
            {(props) => <input {...props} name="genre" type="text" list="genre-suggestions" maxLength={100} defaultValue={text(values.genre)} />}
          </Field>
          <datalist id="genre-suggestions">
            {SUGGESTED_GENRES.map((genre) => (
              <option key={genre} value={genre} />
            ))}
          </datalist>
          <Field id="language" label="Language" hint="A code: en, ru, de…" error={fieldErrors.language}>
            {(props) => <input {...props} name="language" type="text" maxLength={35} defaultValue={text(values.language)} />}
          </Field>
          <Field id="provenance" label="Provenance" hint="Archive, collection or publication the text comes from." error={fieldErrors.provenance} wide>
            {(props) => <textarea {...props} name="provenance" rows={2} defaultValue={text(values.provenance)} />}
          </Field>
        </div>
      </fieldset>
      <details className="form-section" open={Boolean(values.containerTitle || values.publisher || values.url || values.archiveLocation)}>
        <summary style={{ cursor: "pointer", fontWeight: 600 }}>Citation details</summary>
        <div className="form-grid" style={{ marginTop: 14 }}>
          <Field id="containerTitle" label="Published in" hint="Newspaper, journal, book or collection." error={fieldErrors.containerTitle}>
            {(props) => <input {...props} name="containerTitle" type="text" defaultValue={text(values.containerTitle)} />}
          </Field>
          <Field id="publisher" label="Publisher" error={fieldErrors.publisher}>
            {(props) => <input {...props} name="publisher" type="text" defaultValue={text(values.publisher)} />}
          </Field>
          <Field id="publisherPlace" label="Place of publication" error={fieldErrors.publisherPlace}>
            {(props) => <input {...props} name="publisherPlace" type="text" defaultValue={text(values.publisherPlace)} />}
          </Field>
          <Field id="edition" label="Edition" error={fieldErrors.edition}>
            {(props) => <input {...props} name="edition" type="text" defaultValue={text(values.edition)} />}
          </Field>
          <Field id="volume" label="Volume" error={fieldErrors.volume}>
            {(props) => <input {...props} name="volume" type="text" defaultValue={text(values.volume)} />}
          </Field>
          <Field id="issue" label="Issue" error={fieldErrors.issue}>
            {(props) => <input {...props} name="issue" type="text" defaultValue={text(values.issue)} />}
          </Field>
          <Field id="pages" label="Pages" error={fieldErrors.pages}>
            {(props) => <input {...props} name="pages" type="text" defaultValue={text(values.pages)} />}
          </Field>
          <Field id="archiveLocation" label="Archive location" hint="Fonds, file, shelfmark." error={fieldErrors.archiveLocation}>
            {(props) => <input {...props} name="archiveLocation" type="text" defaultValue={text(values.archiveLocation)} />}
          </Field>
          <Field id="url" label="URL" error={fieldErrors.url} wide>
            {(props) => <input {...props} name="url" type="url" defaultValue={text(values.url)} placeholder="https://" />}
          </Field>
        </div>
      </details>
      <fieldset className="form-section">
        <legend>Notes</legend>
        <Field id="notes" label="Notes on the source" error={fieldErrors.notes} wide>
          {(props) => <textarea {...props} name="notes" rows={3} defaultValue={text(values.notes)} />}
        </Field>
      </fieldset>
    </>
  );
}
