import { z } from "zod";
import { parseCsv } from "./parse-csv";
import { isEnumValue } from "../vocabulary/enum-values";
import { SOURCE_KINDS } from "../vocabulary/source-kind";

/**
 * Metadata given for a file from outside it: a ZIP's manifest.json (the seed corpus's shape:
 * `{ documents: [{ file, title, author, kind, genre, date, notes }] }`, workbench field names also
 * accepted), its metadata.csv (a header row, then one row per file), or the review table's edits.
 * Field values are strings; the document metadata schema validates them when the file is stored.
 */
export type MetadataOverride = Record<string, string | string[] | undefined>;

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? undefined : String(v)));
const manifestEntrySchema = z
  .object({
    file: z.string().min(1).max(500),
    title: text,
    author: text,
    authors: z.union([z.array(z.string()), z.string()]).nullish(),
    date: text,
    dateText: text,
    kind: text,
    sourceKind: text,
    genre: text,
    language: text,
    place: text,
    provenance: text,
    url: text,
    notes: text,
    archiveLocation: text,
    containerTitle: text,
    publisher: text,
  })
  .loose();

export const corpusManifestSchema = z.object({ documents: z.array(manifestEntrySchema).max(5_000) }).loose();

const FIELD_ALIASES: Record<string, string> = {
  author: "authors",
  authors: "authors",
  date: "dateText",
  datetext: "dateText",
  kind: "sourceKind",
  sourcekind: "sourceKind",
  type: "sourceKind",
  title: "title",
  genre: "genre",
  language: "language",
  lang: "language",
  place: "place",
  provenance: "provenance",
  url: "url",
  notes: "notes",
  archivelocation: "archiveLocation",
  containertitle: "containerTitle",
  publisher: "publisher",
};

/** One entry's fields under the metadata schema's names; "tertiary" → "TERTIARY", authors split on ";". */
export function normaliseOverride(entry: Record<string, unknown>): MetadataOverride {
  const out: MetadataOverride = {};
  for (const [key, value] of Object.entries(entry)) {
    const field = FIELD_ALIASES[key.toLowerCase().replace(/[\s_-]/g, "")];
    if (!field || value == null || value === "") continue;
    if (field === "authors") {
      const list = Array.isArray(value) ? value.map(String) : String(value).split(/;/);
      out.authors = [...(Array.isArray(out.authors) ? out.authors : []), ...list.map((a) => a.trim()).filter(Boolean)];
    } else if (field === "sourceKind") {
      const kind = String(value).trim().toUpperCase();
      if (isEnumValue(SOURCE_KINDS, kind)) out.sourceKind = kind;
    } else {
      out[field] = String(value);
    }
  }
  return out;
}

export type OverridesOutcome = { ok: true; byFile: Map<string, MetadataOverride> } | { ok: false; reason: string };

export function readManifestJson(json: string): OverridesOutcome {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: "manifest.json is not valid JSON." };
  }
  const parsed = corpusManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `manifest.json does not have the expected shape ({ "documents": [{ "file", "title", ... }] })${issue ? `: ${issue.path.join(".")} ${issue.message}` : ""}.` };
  }
  return { ok: true, byFile: new Map(parsed.data.documents.map((entry) => [entry.file, normaliseOverride(entry)])) };
}

export function readMetadataCsv(csv: string): OverridesOutcome {
  const rows = parseCsv(csv);
  if (!rows || rows.length === 0) return { ok: false, reason: "metadata.csv cannot be read (an unclosed quote?)." };
  const [header, ...records] = rows;
  const fileColumn = header!.findIndex((name) => /^(file|filename|file name|path)$/i.test(name.trim()));
  if (fileColumn === -1) return { ok: false, reason: "metadata.csv needs a “file” column naming each file." };
  const byFile = new Map<string, MetadataOverride>();
  for (const record of records) {
    const file = record[fileColumn]?.trim();
    if (!file) continue;
    byFile.set(file, normaliseOverride(Object.fromEntries(header!.map((name, i) => [name.trim(), record[i] ?? ""]))));
  }
  return { ok: true, byFile };
}
