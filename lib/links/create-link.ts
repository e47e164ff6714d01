import type { DbClient } from "../db";
import { AppError } from "../errors";
import { isUniqueConstraintError } from "../db-errors";
import { requireAnnotationAccess } from "../annotations/require-annotation-access";
import { createLinkSchema } from "../validations/link";
import { SYMMETRIC_LINK_TYPES } from "../vocabulary/link-type";
import { parseInput } from "../validations/parse-input";
import { LINK_VIEW_INCLUDE, toLinkView } from "./link-view";

const LABEL: Record<string, string> = {
  CONTRADICTS: "contradicts",
  CORROBORATES: "corroborates",
  SAME_CLAIM_AS: "is the same claim as",
  DERIVES_FROM: "derives from",
  RESPONDS_TO: "responds to",
};

/**
 * Links two annotations of one workspace, in the same document or in two. The actor must be an
 * editor and able to see both ends; a link to itself or a second link of the same type between
 * the same pair (either way round, for symmetric types) is refused.
 */
export async function createLink(db: DbClient, { actor, input }: { actor: { id: string }; input: unknown }) {
  const { sourceAnnotationId, targetAnnotationId, type, note } = parseInput(createLinkSchema, input);
  if (sourceAnnotationId === targetAnnotationId) throw new AppError("INVALID_INPUT", "An annotation cannot be linked to itself.");
  const { annotation: source } = await requireAnnotationAccess(db, { userId: actor.id, annotationId: sourceAnnotationId, minimum: "EDITOR" });
  const { annotation: target } = await requireAnnotationAccess(db, { userId: actor.id, annotationId: targetAnnotationId, minimum: "VIEWER" });
  if (source.workspaceId !== target.workspaceId) throw new AppError("INVALID_INPUT", "Both annotations must belong to the same workspace.");

  const pairs = [{ sourceAnnotationId, targetAnnotationId, type }];
  if (SYMMETRIC_LINK_TYPES.has(type)) pairs.push({ sourceAnnotationId: targetAnnotationId, targetAnnotationId: sourceAnnotationId, type });
  const duplicate = await db.annotationLink.findFirst({ where: { OR: pairs }, select: { id: true } });
  if (duplicate) throw new AppError("CONFLICT", `These two annotations are already linked: one ${LABEL[type]} the other.`);

  const link = await db.annotationLink
    .create({
      data: { workspaceId: source.workspaceId, sourceAnnotationId, targetAnnotationId, type, note, authorId: actor.id, verdict: type === "CONTRADICTS" ? "UNRESOLVED" : null },
      include: LINK_VIEW_INCLUDE,
    })
    .catch((error: unknown) => {
      if (isUniqueConstraintError(error)) throw new AppError("CONFLICT", `These two annotations are already linked: one ${LABEL[type]} the other.`);
      throw error;
    });
  return toLinkView(link);
}
