import type { DbClient } from "../db";
import { updateAnnotationSchema } from "../validations/annotation";
import { parseInput } from "../validations/parse-input";
import { ANNOTATION_VIEW_INCLUDE, toAnnotationView } from "./annotation-view";
import { requireAnnotationAccess } from "./require-annotation-access";
import { resolveAnnotationBody } from "./resolve-annotation-body";

/** Changes what an annotation says (kind, technique, verdict, note, visibility, tags). Its author only. */
export async function updateAnnotation(db: DbClient, { actor, annotationId, input }: { actor: { id: string }; annotationId: string; input: unknown }) {
  const { annotation } = await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "EDITOR", mustBeAuthor: true });
  const changes = parseInput(updateAnnotationSchema, input);
  const current = await db.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: { tags: { select: { tagId: true } } } });
  const merged = {
    kind: changes.kind ?? current.kind,
    techniqueId: changes.techniqueId !== undefined ? changes.techniqueId : current.techniqueId,
    verdict: changes.verdict !== undefined ? changes.verdict : current.verdict,
    confidence: changes.confidence !== undefined ? changes.confidence : current.confidence,
    note: changes.note ?? current.note,
    visibility: changes.visibility ?? current.visibility,
    tagIds: changes.tagIds ?? current.tags.map((t) => t.tagId),
  };
  const { tagIds, ...fields } = await resolveAnnotationBody(db, annotation.workspaceId, merged, { techniqueId: current.techniqueId, tagIds: current.tags.map((t) => t.tagId) });
  const updated = await db.annotation.update({
    where: { id: annotationId },
    data: { ...fields, tags: { deleteMany: {}, create: tagIds.map((tagId) => ({ tagId })) } },
    include: ANNOTATION_VIEW_INCLUDE,
  });
  return toAnnotationView(updated);
}
