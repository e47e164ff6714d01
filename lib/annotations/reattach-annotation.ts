import type { DbClient } from "../db";
import { AppError } from "../errors";
import { reattachSchema } from "../validations/annotation";
import { parseInput } from "../validations/parse-input";
import { ANNOTATION_VIEW_INCLUDE, toAnnotationView } from "./annotation-view";
import { checkSelection } from "./check-selection";
import { requireAnnotationAccess } from "./require-annotation-access";
import { currentRevisionId, readRevisionText } from "../documents/revision-text-cache";

/**
 * Places an annotation (typically an orphan) on a span the user chose in the current text. Its
 * author only; the note, verdict and links stay.
 */
export async function reattachAnnotation(db: DbClient, { actor, annotationId, input }: { actor: { id: string }; annotationId: string; input: unknown }) {
  const { annotation } = await requireAnnotationAccess(db, { userId: actor.id, annotationId, minimum: "EDITOR", mustBeAuthor: true });
  const { revisionId, start, end, exact } = parseInput(reattachSchema, input);
  const currentId = await currentRevisionId(db, annotation.documentId);
  const revision = { id: currentId, text: await readRevisionText(db, currentId) };
  if (revision.id !== revisionId) throw new AppError("CONFLICT", "This document's text was revised since you opened it. Reload the page and select again.");
  const { quote } = checkSelection(revision.text, { start, end, exact });
  const updated = await db.annotation.update({
    where: { id: annotationId },
    data: { anchorRevisionId: revision.id, anchorStatus: "ANCHORED", start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    include: ANNOTATION_VIEW_INCLUDE,
  });
  return toAnnotationView(updated);
}
