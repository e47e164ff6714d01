import type { z } from "zod";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { annotationBodySchema } from "../validations/annotation";

type Body = z.output<typeof annotationBodySchema>;

/**
 * Checks an annotation's body against its workspace and drops fields that do not belong to its
 * kind. A newly chosen technique must be in the workspace's current taxonomy and a newly chosen
 * tag one of its custom tags, neither archived; what an annotation being edited already carries
 * (`kept`) may stay, so an old annotation can still be edited after its tag was archived.
 */
export async function resolveAnnotationBody(db: DbClient, workspaceId: string, body: Body, kept: { techniqueId: string | null; tagIds: readonly string[] } = { techniqueId: null, tagIds: [] }) {
  const techniqueId = body.kind === "BIAS_MARKER" ? (body.techniqueId ?? null) : null;
  if (techniqueId && techniqueId !== kept.techniqueId) {
    const { techniqueTaxonomy } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { techniqueTaxonomy: true } });
    const technique = await db.tag.findFirst({ where: { id: techniqueId, workspaceId, category: "TECHNIQUE", taxonomy: techniqueTaxonomy, archived: false }, select: { id: true } });
    if (!technique) throw new AppError("INVALID_INPUT", "That propaganda technique is not in this workspace's taxonomy.", { techniqueId: "Unknown technique." });
  }
  const tagIds = [...new Set(body.tagIds)];
  const added = tagIds.filter((id) => !kept.tagIds.includes(id));
  if (added.length > 0) {
    const found = await db.tag.count({ where: { id: { in: added }, workspaceId, category: "CUSTOM", archived: false } });
    if (found !== added.length) throw new AppError("INVALID_INPUT", "One of those tags is not a tag of this workspace.", { tagIds: "Unknown tag." });
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
