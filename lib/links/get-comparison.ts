import type { DbClient } from "../db";
import { visibleTo } from "../annotations/annotation-view";
import { getDocument } from "../documents/get-document";
import { LINK_VIEW_INCLUDE, linkVisibleTo, toLinkView } from "./link-view";

/**
 * Two documents side by side (or one document twice, for a contradiction inside it) with the
 * visible links between them. Each link is oriented so that `left` is its end in the left document.
 */
export async function getComparison(db: DbClient, { actor, leftId, rightId }: { actor: { id: string }; leftId: string; rightId: string }) {
  const [left, right] = await Promise.all([getDocument(db, { actor, documentId: leftId }), getDocument(db, { actor, documentId: rightId })]);
  const rows = await db.annotationLink.findMany({
    where: {
      AND: [
        linkVisibleTo(actor.id),
        {
          OR: [
            { source: { documentId: leftId }, target: { documentId: rightId } },
            { source: { documentId: rightId }, target: { documentId: leftId } },
          ],
        },
        { source: { anchorStatus: "ANCHORED", ...visibleTo(actor.id) }, target: { anchorStatus: "ANCHORED" } },
      ],
    },
    include: LINK_VIEW_INCLUDE,
  });
  const pairs = rows
    .map(toLinkView)
    .map((link) => {
      const sourceIsLeft = link.source.documentId === leftId;
      return { link, left: sourceIsLeft ? link.source : link.target, right: sourceIsLeft ? link.target : link.source, sourceIsLeft };
    })
    .sort((a, b) => a.left.start - b.left.start || a.right.start - b.right.start);
  const pick = (d: typeof left) => ({ id: d.id, title: d.title, dateText: d.dateText, authors: d.authors, text: d.revision.text, workspaceId: d.workspace.id, role: d.role });
  return { left: pick(left), right: pick(right), pairs };
}

export type Comparison = Awaited<ReturnType<typeof getComparison>>;
