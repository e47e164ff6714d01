import { z } from "zod";
import { ANNOTATION_KINDS } from "../vocabulary/annotation-kind";
import { CLAIM_VERDICTS } from "../vocabulary/claim-verdict";
import { parseInput } from "./parse-input";

export const EXPORT_FORMATS = ["w3c", "csv", "links-csv", "tei", "report", "bundle"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** At most this many documents named one by one; beyond it, export the whole workspace. */
export const MAX_SELECTED_DOCUMENTS = 500;

const id = z.string().min(1).max(64);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written YYYY-MM-DD.")
  .refine(isCalendarDay, "That is not a calendar date.");

/** True for a real day: Date.parse reads "2025-02-30" as 2 March, so the parts must survive the round trip. */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/**
 * Which annotations an export holds: some documents (none named: all of the workspace's) and the
 * annotation panel's filter, plus a range of the days the annotations were made (inclusive, UTC).
 * Only annotations the acting user may see are ever exported, whatever the filter says.
 */
export const exportSelectionSchema = z
  .object({
    documentIds: z.array(id).max(MAX_SELECTED_DOCUMENTS, `Name at most ${MAX_SELECTED_DOCUMENTS} documents, or none for all.`).default([]),
    kind: z.enum(ANNOTATION_KINDS, { error: "Unknown kind." }).optional(),
    techniqueId: id.optional(),
    tagId: id.optional(),
    verdict: z.enum(CLAIM_VERDICTS, { error: "Unknown verdict." }).optional(),
    authorId: id.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: "The date range ends before it starts.", path: ["to"] });

export type ExportSelection = z.output<typeof exportSelectionSchema>;

export const exportRequestSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}.` }),
  selection: exportSelectionSchema,
});

export type ExportRequest = z.output<typeof exportRequestSchema>;

/**
 * Reads an export request from URL query parameters, as the HTTP API and the export page send
 * them: `format`, `document` (repeated), `kind`, `technique`, `tag`, `verdict`, `author`, `from`,
 * `to`. Empty values mean "any". Throws INVALID_INPUT naming the bad parameter.
 */
export function parseExportQuery(params: URLSearchParams): ExportRequest {
  const one = (name: string) => {
    const value = params.get(name)?.trim();
    return value ? value : undefined;
  };
  return parseInput(exportRequestSchema, {
    format: one("format") ?? "w3c",
    selection: {
      documentIds: params.getAll("document").map((value) => value.trim()).filter(Boolean),
      kind: one("kind"),
      techniqueId: one("technique"),
      tagId: one("tag"),
      verdict: one("verdict"),
      authorId: one("author"),
      from: one("from"),
      to: one("to"),
    },
  });
}

/** The query string for a request: the inverse of parseExportQuery. */
export function exportQueryString(request: ExportRequest): string {
  const params = new URLSearchParams({ format: request.format });
  for (const documentId of request.selection.documentIds) params.append("document", documentId);
  const { kind, techniqueId, tagId, verdict, authorId, from, to } = request.selection;
  const named: [string, string | undefined][] = [
    ["kind", kind],
    ["technique", techniqueId],
    ["tag", tagId],
    ["verdict", verdict],
    ["author", authorId],
    ["from", from],
    ["to", to],
  ];
  for (const [name, value] of named) if (value) params.set(name, value);
  return params.toString();
}
