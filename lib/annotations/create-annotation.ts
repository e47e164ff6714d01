import { assertMayAnnotate } from "../classroom/assert-may-annotate";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import { requireDocumentRole } from "../documents/require-document-role";
import { currentRevisionId, readRevisionText } from "../documents/revision-text-cache";
import { createAnnotationSchema } from "../validations/annotation";
import { parseInput } from "../validations/parse-input";
import { ANNOTATION_VIEW_INCLUDE, toAnnotationView } from "./annotation-view";
import { checkSelection } from "./check-selection";
import { resolveAnnotationBody } from "./resolve-annotation-body";

/** Annotates a span of a document's current text. Editors and owners; students on an open assignment's documents. */
export async function createAnnotation(db: DbClient, { actor, documentId, input }: { actor: { id: string }; documentId: string; input: unknown }) {
  const { workspaceId, membership } = await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  await assertMayAnnotate(db, { membership, documentId });
  const { revisionId, start, end, exact, ...body } = parseInput(createAnnotationSchema, input);
  const currentId = await currentRevisionId(db, documentId);
  if (currentId !== revisionId) {
    throw new AppError("CONFLICT", "This document's text was revised since you opened it. Reload the page and select again.");
  }
  const revision = { id: currentId, text: await readRevisionText(db, currentId) };
  const { quote } = checkSelection(revision.text, { start, end, exact });
  const { tagIds, ...fields } = await resolveAnnotationBody(db, workspaceId, body);

  const created = await db.annotation.create({
    data: {
      ...fields,
      workspaceId,
      documentId,
      authorId: actor.id,
      madeOnRevisionId: revision.id,
      anchorRevisionId: revision.id,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
    include: ANNOTATION_VIEW_INCLUDE,
  });
  return toAnnotationView(created);
}
