import type { importDocumentFiles as importDocumentFilesService } from "@/lib/documents/import-document-files";
import { exportQueryString, type ExportRequest } from "@/lib/validations/export-selection";
import type { ImportReport } from "@/lib/import/import-plan";
import { callApi } from "./call-api";
import { segment, type Answer } from "./wire";

/** POST /api/workspaces/:id/documents (multipart: metadata fields and a `file` or pasted `text`): answers where the new document is. */
export function addDocument(workspaceId: string, form: FormData) {
  return callApi<{ id: string; url: string }>(`/api/workspaces/${segment(workspaceId)}/documents`, { method: "POST", body: form });
}

/** POST /api/workspaces/:id/documents/batch (multipart): stores reviewed files, one result per file. */
export function importDocumentBatch(workspaceId: string, form: FormData) {
  return callApi<Answer<typeof importDocumentFilesService>>(`/api/workspaces/${segment(workspaceId)}/documents/batch`, { method: "POST", body: form });
}

/** POST /api/workspaces/:id/import (multipart `file`: a bundle or W3C JSON-LD) */
export function importAnnotations(workspaceId: string, form: FormData) {
  return callApi<{ report: ImportReport }>(`/api/workspaces/${segment(workspaceId)}/import`, { method: "POST", body: form });
}

/** GET /api/workspaces/:id/export: where an export streams from (the browser downloads it, see components/export/download-file.ts). */
export function exportUrl(workspaceId: string, request: ExportRequest): string {
  return `/api/workspaces/${segment(workspaceId)}/export?${exportQueryString(request)}`;
}
