import type { z } from "zod";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { annotationBodySchema } from "../validations/annotation";

type Body = z.output<typeof annotationBodySchema>;

/**
 * Checks an annotation's body against its workspace (the technique and tags must be the
 * workspace's own, of the right category) and drops fields that do not belong to its kind.
 */
export async function resolveAnnotationBody(db: DbClient, workspaceId: string, body: Body) {
  const techniqueId = body.kind === "BIAS_MARKER" ? (body.techniqueId ?? null) : null;
  if (techniqueId) {
    const technique = await db.tag.findFirst({ where: { id: techniqueId, workspaceId, category: "TECHNIQUE" }, select: { id: true } });
    if (!technique) throw new AppError("INVALID_INPUT", "That propaganda technique is not in this workspace's taxonomy.", { techniqueId: "Unknown technique." });
  }
  const tagIds = [...new Set(body.tagIds)];
  if (tagIds.length > 0) {
    const found = await db.tag.count({ where: { id: { in: tagIds }, workspaceId, category: "CUSTOM" } });
    if (found !== tagIds.length) throw new AppError("INVALID_INPUT", "One of those tags is not a tag of this workspace.", { tagIds: "Unknown tag." });
  }
  const isClaim = body.kind === "CLAIM";
  return {
    kind: body.kind,
    techniqueId,
    verdict: isClaim ? (body.verdict ?? "UNVERIFIED") : null,
    confidence: isClaim ? (body.confidence ?? null) : null,
    note: body.note,
    visibility: body.visibility,
    tagIds,
  };
}
