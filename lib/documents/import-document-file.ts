import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../auth/session-user";
import type { MetadataOverride } from "../corpus-import/metadata-overrides";
import { parseInWorker } from "../corpus-import/parse-in-worker";
import { FORMAT_LABEL, titleFromFileName, type CorpusFormat, type FileMetadata, type ParsedDocument } from "../corpus-import/parsed-document";
import { documentMetadataSchema } from "../validations/document-metadata";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { createDocument } from "./create-document";

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
  /** Fields given beside the file (form, manifest, review table): each non-empty one beats the file's own. */
  metadata?: MetadataOverride;
  /** A text file's encoding as the user chose it, instead of the detected one. */
  encoding?: string;
}

/** What the review table shows of a file before it is stored. */
export interface FilePreview {
  fileName: string;
  format: CorpusFormat;
  formatLabel: string;
  encoding: string | null;
  metadata: Record<string, string | string[]>;
  /** The opening of the text, as it will be stored. */
  firstLines: string;
  pages: number;
  characters: number;
  warnings: string[];
  /** Why the metadata cannot be stored as it is (e.g. no title); fix it in the table. */
  metadataProblem: string | null;
}

const PREVIEW_CHARS = 600;

/**
 * Reads an uploaded file of any supported format (in a worker thread) and, unless `dryRun`, stores
 * it as a new document with its page breaks: whole, or not at all. The file's own metadata (PDF
 * info, DOCX core properties, HTML meta tags, TEI header) prefills what the caller left empty; the
 * title falls back to the file's name. A file that cannot be read throws INVALID_INPUT naming it.
 */
export async function importDocumentFile(
  db: DbClient,
  { actor, workspaceId, file, dryRun = false }: { actor: Pick<SessionUser, "id">; workspaceId: string; file: UploadedFile; dryRun?: boolean },
): Promise<{ preview: FilePreview; documentId: string | null }> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const outcome = await parseInWorker(file.fileName, file.bytes, file.encoding ? { encoding: file.encoding } : {});
  if (!outcome.ok) throw new AppError(outcome.tooLarge ? "PAYLOAD_TOO_LARGE" : "INVALID_INPUT", outcome.message, { file: outcome.message });
  const parsed = outcome.document;
  const metadata = mergeMetadata(file.fileName, parsed.metadata, file.metadata ?? {});
  const check = documentMetadataSchema.safeParse(metadata);
  const preview: FilePreview = {
    fileName: file.fileName,
    format: parsed.format,
    formatLabel: FORMAT_LABEL[parsed.format],
    encoding: parsed.encoding ?? null,
    metadata,
    firstLines: parsed.text.slice(0, PREVIEW_CHARS),
    pages: parsed.pageBreaks.length,
    characters: parsed.text.length,
    warnings: parsed.warnings,
    metadataProblem: check.success ? null : `“${file.fileName}”: ${check.error.issues[0]?.message ?? "the metadata is not valid."}`,
  };
  if (dryRun) return { preview, documentId: null };
  const document = await createDocument(db, { actor, workspaceId, metadata, content: { text: parsed.text, mediaType: parsed.mediaType }, pageBreaks: parsed.pageBreaks });
  return { preview, documentId: document.id };
}

/**
 * The file's metadata under the caller's: a given non-empty field wins. File-derived values the
 * schema would refuse (a language "ru_RU", a relative URL) are mended or dropped, never fatal.
 */
export function mergeMetadata(fileName: string, fromFile: FileMetadata, given: MetadataOverride): Record<string, string | string[]> {
  const merged: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(fromFile)) if (value !== undefined) merged[key] = value;
  if (typeof merged.language === "string") merged.language = merged.language.replace(/_/g, "-");
  if (typeof merged.title === "string") merged.title = merged.title.slice(0, 500);
  const check = documentMetadataSchema.safeParse(merged);
  if (!check.success) for (const issue of check.error.issues) delete merged[String(issue.path[0])];
  for (const [key, value] of Object.entries(given)) {
    if (Array.isArray(value) ? value.some((v) => v.trim()) : value?.trim()) merged[key] = value!;
  }
  if (typeof merged.title !== "string" || !merged.title.trim()) merged.title = titleFromFileName(fileName);
  return merged;
}

export type { ParsedDocument };
