import type { z } from "zod";
import type { createLink as createLinkService } from "@/lib/links/create-link";
import type { setLinkVerdict as setLinkVerdictService } from "@/lib/links/set-link-verdict";
import type { linkToPassage as linkToPassageService } from "@/lib/links/link-to-passage";
import type { createLinkSchema, linkToPassageSchema, linkVerdictSchema } from "@/lib/validations/link";
import { callApi } from "./call-api";
import { segment, type Answer } from "./wire";

/** POST /api/links */
export function createLink(body: z.input<typeof createLinkSchema>) {
  return callApi<{ link: Answer<typeof createLinkService> }>("/api/links", { method: "POST", body });
}

/** DELETE /api/links/:id */
export function deleteLink(linkId: string) {
  return callApi<void>(`/api/links/${segment(linkId)}`, { method: "DELETE" });
}

/** PUT /api/links/:id/verdict */
export function setLinkVerdict(linkId: string, body: z.input<typeof linkVerdictSchema>) {
  return callApi<{ link: Answer<typeof setLinkVerdictService> }>(`/api/links/${segment(linkId)}/verdict`, { method: "PUT", body });
}

/** POST /api/annotations/:id/links: a link to a passage in one request, annotating its words first when no annotation is named. */
export function linkToPassage(sourceAnnotationId: string, body: z.input<typeof linkToPassageSchema>) {
  return callApi<Answer<typeof linkToPassageService>>(`/api/annotations/${segment(sourceAnnotationId)}/links`, { method: "POST", body });
}
