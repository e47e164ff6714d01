import type { DbClient } from "../db";
import { requireAnnotationAccess } from "./require-annotation-access";

/**
 * The whole note of an annotation the actor may see. The document page sends only the opening of a
 * long note (see packed-reading-annotations.ts); the reading view asks for the rest when its card
 * opens or its author edits it.
 */
export async function getAnnotationNote(db: DbClient, { actor, annotationId }: { actor: { id: string }; annotationId: string }): Promise<{ id: string; note: string }> {
  const { annotation } = await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "VIEWER" });
  return { id: annotation.id, note: annotation.note };
}
