import type { Prisma } from "../generated/prisma/client";

/** What the reading view needs of an annotation, loaded in one query. */
export const ANNOTATION_VIEW_INCLUDE = {
  author: { select: { id: true, name: true } },
  technique: { select: { id: true, name: true, colour: true, description: true } },
  tags: { select: { tag: { select: { id: true, name: true, colour: true } } } },
  _count: { select: { replies: true } },
} satisfies Prisma.AnnotationInclude;

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof ANNOTATION_VIEW_INCLUDE }>;

export function toAnnotationView(row: AnnotationRow) {
  return {
    id: row.id,
    documentId: row.documentId,
    anchorRevisionId: row.anchorRevisionId,
    anchorStatus: row.anchorStatus,
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    kind: row.kind,
    technique: row.technique,
    verdict: row.verdict,
    confidence: row.confidence,
    note: row.note,
    visibility: row.visibility,
    author: row.author,
    /** Who made it, as an imported file credits them; `author` is then who imported it. */
    creditedTo: row.originalAuthorName,
    tags: row.tags.map((t) => t.tag),
    replyCount: row._count.replies,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type AnnotationView = ReturnType<typeof toAnnotationView>;

/** Annotations a user may see: the workspace's shared ones and their own private ones. */
export function visibleTo(userId: string): Prisma.AnnotationWhereInput {
  return { OR: [{ visibility: "WORKSPACE" }, { authorId: userId }] };
}

/** The same rule in SQL, for the plain-SQL readers: `alias` names the Annotation table, `userParam` binds the user's id. */
export function visibleToSql(alias: string, userParam: string): string {
  return `(${alias}.visibility = 'WORKSPACE' OR ${alias}.authorId = ${userParam})`;
}

/**
 * What the reading view holds of an annotation: the view without what only API clients need
 * (document and revision ids, the quote's context) and with the technique's name and colour only
 * (its definition comes once, with the workspace's taxonomy). A document page carries thousands.
 */
export type ReadingAnnotation = Omit<AnnotationView, "documentId" | "anchorRevisionId" | "prefix" | "suffix" | "technique"> & {
  technique: { id: string; name: string; colour: string } | null;
};
