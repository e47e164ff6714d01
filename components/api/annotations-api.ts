import type { z } from "zod";
import type { createAnnotation as createAnnotationService } from "@/lib/annotations/create-annotation";
import type { deleteAnnotation as deleteAnnotationService } from "@/lib/annotations/delete-annotation";
import type { reattachAnnotation as reattachAnnotationService } from "@/lib/annotations/reattach-annotation";
import type { getAnnotationNote as getAnnotationNoteService } from "@/lib/annotations/get-annotation-note";
import type { updateAnnotation as updateAnnotationService } from "@/lib/annotations/update-annotation";
import type { addReply as addReplyService } from "@/lib/replies/add-reply";
import type { listReplies as listRepliesService } from "@/lib/replies/list-replies";
import type { suggestLinks as suggestLinksService } from "@/lib/search/suggest-links";
import type { createAnnotationSchema, reattachSchema, replySchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { callApi } from "./call-api";
import { segment, type Answer } from "./wire";

/** POST /api/documents/:id/annotations */
export function createAnnotation(documentId: string, body: z.input<typeof createAnnotationSchema>) {
  return callApi<{ annotation: Answer<typeof createAnnotationService> }>(`/api/documents/${segment(documentId)}/annotations`, { method: "POST", body });
}

/** PATCH /api/annotations/:id */
export function updateAnnotation(annotationId: string, body: z.input<typeof updateAnnotationSchema>) {
  return callApi<{ annotation: Answer<typeof updateAnnotationService> }>(`/api/annotations/${segment(annotationId)}`, { method: "PATCH", body });
}

/** DELETE /api/annotations/:id (with its replies and links) */
export function deleteAnnotation(annotationId: string) {
  return callApi<Answer<typeof deleteAnnotationService>>(`/api/annotations/${segment(annotationId)}`, { method: "DELETE" });
}

/** POST /api/annotations/:id/reattach: an orphan placed on selected words of the current revision. */
export function reattachAnnotation(annotationId: string, body: z.input<typeof reattachSchema>) {
  return callApi<{ annotation: Answer<typeof reattachAnnotationService> }>(`/api/annotations/${segment(annotationId)}/reattach`, { method: "POST", body });
}

/** One reply in a thread, as the API sends it. */
export type ReplyView = Answer<typeof addReplyService>;

/** GET /api/annotations/:id/note */
export function getAnnotationNote(annotationId: string) {
  return callApi<Answer<typeof getAnnotationNoteService>>(`/api/annotations/${segment(annotationId)}/note`);
}

/** GET /api/annotations/:id/replies */
export function listReplies(annotationId: string) {
  return callApi<{ replies: Answer<typeof listRepliesService> }>(`/api/annotations/${segment(annotationId)}/replies`);
}

/** POST /api/annotations/:id/replies */
export function addReply(annotationId: string, body: z.input<typeof replySchema>) {
  return callApi<{ reply: Answer<typeof addReplyService> }>(`/api/annotations/${segment(annotationId)}/replies`, { method: "POST", body });
}

/** DELETE /api/replies/:id */
export function deleteReply(replyId: string) {
  return callApi<void>(`/api/replies/${segment(replyId)}`, { method: "DELETE" });
}

/** GET /api/annotations/:id/suggestions: passages elsewhere that this one may contradict or corroborate. */
export function suggestLinks(annotationId: string) {
  return callApi<Answer<typeof suggestLinksService>>(`/api/annotations/${segment(annotationId)}/suggestions`);
}
