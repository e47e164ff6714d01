import { visibleTo } from "../annotations/annotation-view";
import type { DbClient } from "../db";
import { requireDocumentRole } from "./require-document-role";
import { toStringArray } from "./list-documents";
import { readPageBreaks } from "./page-breaks";

/** A document the actor may read, with its current text and the actor's role in its workspace. */
export async function getDocument(db: DbClient, { actor, documentId }: { actor: { id: string }; documentId: string }) {
  const { membership } = await requireDocumentRole(db, { userId: actor.id, documentId, minimum: "VIEWER" });
  const document = await db.document.findUniqueOrThrow({
    where: { id: documentId },
    include: {
      workspace: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
      // Only what the actor may see: workspace annotations and their own private ones.
      _count: { select: { annotations: { where: visibleTo(actor.id) } } },
    },
  });
  const revision = await db.documentRevision.findUniqueOrThrow({
    where: { documentId_number: { documentId, number: document.currentRevisionNumber } },
    select: { id: true, number: true, text: true, mediaType: true, contentHash: true, createdAt: true, pageBreaks: true },
  });
  const { _count, ...rest } = document;
  const { pageBreaks, ...revisionRest } = revision;
  return {
    ...rest,
    authors: toStringArray(document.authors),
    revision: { ...revisionRest, pageBreaks: readPageBreaks(pageBreaks, revision.text.length) },
    role: membership.role,
    annotationCount: _count.annotations,
  };
}
