import type { SessionUser } from "../auth/session-user";
import type { DbClient } from "../db";
import { isAppError } from "../errors";
import type { MetadataOverride } from "../corpus-import/metadata-overrides";
import { readCorpusZipInWorker } from "../corpus-import/parse-in-worker";
import { extensionOf } from "../corpus-import/file-kinds";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { importDocumentFile, type FilePreview, type UploadedFile } from "./import-document-file";

/** Files in one batch, after ZIPs are unpacked. */
export const MAX_BATCH_FILES = 500;
/** Files being read or stored at once within one batch. */
const IN_FLIGHT = 4;

export type FileResult =
  | { file: string; ok: true; preview: FilePreview; id: string | null; url: string | null }
  | { file: string; ok: false; message: string; fieldErrors: Record<string, string> };

/**
 * Reads (and unless `dryRun` stores) many files at once, answering per file: a bad file is listed
 * with its reason and never stops the others; each good one is stored whole, as its own document.
 * A `.zip` is unpacked (safely, in a worker) into its files, with the metadata its manifest.json or
 * metadata.csv gives them; the caller's `metadata` by file name wins over both.
 */
export async function importDocumentFiles(
  db: DbClient,
  { actor, workspaceId, files, metadataByName = {}, encodingByName = {}, include, dryRun = false }: {
    actor: Pick<SessionUser, "id">;
    workspaceId: string;
    files: { fileName: string; bytes: Uint8Array }[];
    metadataByName?: Record<string, MetadataOverride>;
    encodingByName?: Record<string, string>;
    /** Only these files (by name, ZIP entries by their path) are read; the rest are left out silently. */
    include?: readonly string[];
    dryRun?: boolean;
  },
): Promise<{ results: FileResult[] }> {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const results: FileResult[] = [];
  const uploads: UploadedFile[] = [];
  for (const file of files) {
    if (extensionOf(file.fileName) !== "zip") {
      uploads.push(file);
      continue;
    }
    const zip = await readCorpusZipInWorker(file.bytes);
    if (!zip.ok) {
      results.push({ file: file.fileName, ok: false, message: `“${file.fileName}”: ${zip.reason}`, fieldErrors: {} });
      continue;
    }
    for (const entry of zip.files) uploads.push({ fileName: entry.name, bytes: entry.bytes, metadata: entry.metadata });
    for (const name of zip.skipped.slice(0, 50)) results.push({ file: name, ok: false, message: `“${name}”: this kind of file is not supported; it was skipped.`, fieldErrors: {} });
  }
  if (include) {
    const wanted = new Set(include);
    uploads.splice(0, uploads.length, ...uploads.filter((upload) => wanted.has(upload.fileName)));
  }
  if (uploads.length > MAX_BATCH_FILES) {
    return { results: [...results, { file: "(batch)", ok: false, message: `This batch holds ${uploads.length} files; add at most ${MAX_BATCH_FILES} at once.`, fieldErrors: {} }] };
  }
  // Parsing runs in the worker pool; a few files are in flight at once (enough to keep the pool
  // busy), so starting a batch of hundreds is not one long synchronous stretch. Storing is one short
  // transaction per file.
  const outcomes: FileResult[] = new Array(uploads.length);
  let next = 0;
  const work = async () => {
    for (let index = next++; index < uploads.length; index = next++) {
      const upload = uploads[index]!;
      const metadata = { ...upload.metadata, ...metadataByName[upload.fileName] };
      const encoding = encodingByName[upload.fileName];
      try {
        const { preview, documentId } = await importDocumentFile(db, { actor, workspaceId, file: { ...upload, metadata, ...(encoding ? { encoding } : {}) }, dryRun });
        outcomes[index] = { file: upload.fileName, ok: true, preview, id: documentId, url: documentId ? `/documents/${documentId}` : null };
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcomes[index] = { file: upload.fileName, ok: false, message: error.fieldErrors.file ?? `“${upload.fileName}”: ${error.message}`, fieldErrors: error.fieldErrors };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, uploads.length) }, work));
  return { results: [...outcomes, ...results] };
}
