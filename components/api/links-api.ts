import type { z } from "zod";
import type { createLink as createLinkService } from "@/lib/links/create-link";
import type { setLinkVerdict as setLinkVerdictService } from "@/lib/links/set-link-verdict";
import type { createLinkSchema, linkVerdictSchema } from "@/lib/validations/link";
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
