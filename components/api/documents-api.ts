import type { z } from "zod";
import type { getDocument as getDocumentService } from "@/lib/documents/get-document";
import type { getReliabilitySummary } from "@/lib/documents/get-reliability-summary";
import type { getRevisionText as getRevisionTextService } from "@/lib/documents/get-revision-text";
import type { reviseDocumentText as reviseDocumentTextService } from "@/lib/documents/revise-document-text";
import type { reviseTextSchema } from "@/lib/validations/annotation";
import type { reliabilityRatingSchema } from "@/lib/validations/reliability";
import { callApi } from "./call-api";
import { segment, type Answer } from "./wire";

/** GET /api/documents/:id (with its current revision's text) */
export function getDocument(documentId: string) {
  return callApi<{ document: Answer<typeof getDocumentService> }>(`/api/documents/${segment(documentId)}`);
}

/** PUT /api/documents/:id/text: a new revision; annotations are re-anchored on it. */
export function reviseDocumentText(documentId: string, body: z.input<typeof reviseTextSchema>) {
  return callApi<Answer<typeof reviseDocumentTextService>>(`/api/documents/${segment(documentId)}/text`, { method: "PUT", body });
}

/** PUT /api/documents/:id/reliability: answers the summary as it now stands. */
export function rateReliability(documentId: string, body: z.input<typeof reliabilityRatingSchema>) {
  return callApi<Answer<typeof getReliabilitySummary>>(`/api/documents/${segment(documentId)}/reliability`, { method: "PUT", body });
}

/** GET /api/revisions/:id/text: one revision's text and page breaks (immutable: the browser keeps it). */
export function getRevisionText(revisionId: string) {
  return callApi<Answer<typeof getRevisionTextService>>(revisionTextUrl(revisionId));
}

/** Where getRevisionText asks, for a page that preloads it while the scripts load. */
export function revisionTextUrl(revisionId: string) {
  return `/api/revisions/${segment(revisionId)}/text`;
}
