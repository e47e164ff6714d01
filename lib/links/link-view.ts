import type { Prisma } from "../generated/prisma/client";
import { visibleTo } from "../annotations/annotation-view";

const END_SELECT = {
  id: true,
  documentId: true,
  kind: true,
  exact: true,
  start: true,
  end: true,
  anchorStatus: true,
  document: { select: { id: true, title: true, dateText: true } },
} satisfies Prisma.AnnotationSelect;

export const LINK_VIEW_INCLUDE = {
  source: { select: END_SELECT },
  target: { select: END_SELECT },
  author: { select: { id: true, name: true } },
  verdictBy: { select: { id: true, name: true } },
} satisfies Prisma.AnnotationLinkInclude;

type LinkRow = Prisma.AnnotationLinkGetPayload<{ include: typeof LINK_VIEW_INCLUDE }>;

export function toLinkView(row: LinkRow) {
  return {
    id: row.id,
    type: row.type,
    note: row.note,
    verdict: row.verdict,
    verdictRationale: row.verdictRationale,
    verdictBy: row.verdictBy,
    verdictAt: row.verdictAt?.toISOString() ?? null,
    author: row.author,
    creditedTo: row.originalAuthorName,
    createdAt: row.createdAt.toISOString(),
    source: row.source,
    target: row.target,
  };
}

export type LinkView = ReturnType<typeof toLinkView>;

/**
 * Links a user may see: both ends visible to them. A link never reveals a private annotation of
 * someone else, not even its quote or its document's title.
 */
export function linkVisibleTo(userId: string): Prisma.AnnotationLinkWhereInput {
  return { source: visibleTo(userId), target: visibleTo(userId) };
}
