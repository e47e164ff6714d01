import { createAnnotation } from "../annotations/create-annotation";
import type { DbClient } from "../db";
import { inTransaction } from "../in-transaction";
import { linkToPassageSchema } from "../validations/link";
import { parseInput } from "../validations/parse-input";
import { createLink } from "./create-link";

/**
 * Links an annotation to a passage in one step: the one-click "contradicts / corroborates / same
 * claim as" of a suggested passage, and "Annotate and link" in the link finder. When the target is
 * words rather than an annotation, they are annotated as a claim first; the annotation and the
 * link are written in one transaction, so a refused link (a duplicate, no right to link) leaves no
 * stray annotation behind. Permissions are createAnnotation's and createLink's own: the actor may
 * annotate the target document, is an editor of the source's workspace, and sees both ends.
 */
export async function linkToPassage(db: DbClient, { actor, sourceAnnotationId, input }: { actor: { id: string }; sourceAnnotationId: string; input: unknown }) {
  const { type, note, target } = parseInput(linkToPassageSchema, input);
  return inTransaction(db, async (tx) => {
    const created =
      "annotationId" in target
        ? null
        : await createAnnotation(tx, { actor, documentId: target.documentId, input: { revisionId: target.revisionId, start: target.start, end: target.end, exact: target.exact, kind: "CLAIM" } });
    const targetAnnotationId = "annotationId" in target ? target.annotationId : created!.id;
    const link = await createLink(tx, { actor, input: { sourceAnnotationId, targetAnnotationId, type, note } });
    return { link, annotation: created };
  });
}
