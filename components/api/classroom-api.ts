import type { z } from "zod";
import type { listFlagsAt as listFlagsAtService } from "@/lib/classroom/get-class-heatmap";
import type { createInviteCode as createInviteCodeService, joinByInviteCode as joinByInviteCodeService } from "@/lib/classroom/invite-codes";
import type { commentOnSubmission as commentOnSubmissionService } from "@/lib/classroom/review-submission";
import type { saveAssignment as saveAssignmentService } from "@/lib/classroom/save-assignment";
import type { setAssignmentKey as setAssignmentKeyService } from "@/lib/classroom/set-assignment-key";
import type { assignmentKeySchema, assignmentSchema, inviteCodeSchema, joinCodeSchema, releaseResultsSchema, teacherCommentSchema } from "@/lib/validations/classroom";
import { callApi } from "./call-api";
import { query, segment, type Answer } from "./wire";

/** POST /api/workspaces/:id/invite-codes */
export function createInviteCode(workspaceId: string, body: z.input<typeof inviteCodeSchema>) {
  return callApi<{ inviteCode: Answer<typeof createInviteCodeService> }>(`/api/workspaces/${segment(workspaceId)}/invite-codes`, { method: "POST", body });
}

/** DELETE /api/invite-codes/:id */
export function revokeInviteCode(inviteCodeId: string) {
  return callApi<void>(`/api/invite-codes/${segment(inviteCodeId)}`, { method: "DELETE" });
}

/** POST /api/join: a student joins a class by its code. */
export function joinByInviteCode(body: z.input<typeof joinCodeSchema>) {
  return callApi<Answer<typeof joinByInviteCodeService>>("/api/join", { method: "POST", body });
}

/** POST /api/workspaces/:id/assignments (a new one) or PUT /api/assignments/:id (changes to it) */
export function saveAssignment(target: { assignmentId: string } | { workspaceId: string }, body: z.input<typeof assignmentSchema>) {
  return "assignmentId" in target
    ? callApi<{ assignment: Answer<typeof saveAssignmentService> }>(`/api/assignments/${segment(target.assignmentId)}`, { method: "PUT", body })
    : callApi<{ assignment: Answer<typeof saveAssignmentService> }>(`/api/workspaces/${segment(target.workspaceId)}/assignments`, { method: "POST", body });
}

/** PUT /api/assignments/:id/key */
export function setAssignmentKey(assignmentId: string, body: z.input<typeof assignmentKeySchema>) {
  return callApi<Answer<typeof setAssignmentKeyService>>(`/api/assignments/${segment(assignmentId)}/key`, { method: "PUT", body });
}

/** Who marked a character of a document, beside the key. */
export type FlagsAt = Answer<typeof listFlagsAtService>;

/** GET /api/assignments/:id/flags: who marked a character of a document, beside the key. */
export function listFlagsAt(assignmentId: string, { documentId, at }: { documentId: string; at: number }) {
  return callApi<Answer<typeof listFlagsAtService>>(`/api/assignments/${segment(assignmentId)}/flags?${query({ document: documentId, at })}`);
}

/** PUT /api/assignments/:id/students/:studentId/comment */
export function commentOnSubmission(assignmentId: string, studentId: string, body: z.input<typeof teacherCommentSchema>) {
  return callApi<{ comment: Answer<typeof commentOnSubmissionService>["teacherComment"] }>(`/api/assignments/${segment(assignmentId)}/students/${segment(studentId)}/comment`, { method: "PUT", body });
}

/** POST /api/assignments/:id/students/:studentId/reopen */
export function reopenSubmission(assignmentId: string, studentId: string) {
  return callApi<{ reopenedAt: string | null }>(`/api/assignments/${segment(assignmentId)}/students/${segment(studentId)}/reopen`, { method: "POST" });
}

/** POST /api/assignments/:id/submit */
export function submitAssignment(assignmentId: string) {
  return callApi<{ submittedAt: string | null }>(`/api/assignments/${segment(assignmentId)}/submit`, { method: "POST" });
}

/** PUT /api/assignments/:id/release */
export function releaseResults(assignmentId: string, body: z.input<typeof releaseResultsSchema>) {
  return callApi<{ releasedAt: string | null }>(`/api/assignments/${segment(assignmentId)}/release`, { method: "PUT", body });
}
