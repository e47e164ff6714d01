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

/**
 * Annotations a user may see: their own; the workspace's shared ones, unless the user is a
 * STUDENT of that workspace (students work blind: they see no classmate's work and no teacher's
 * annotation); and the answer key of an assignment whose results have been released. Every
 * reader (pages, API, export, links, search) goes through this rule or `visibleToSql`, so the
 * classroom's blindness holds everywhere without the callers knowing about roles.
 */
export function visibleTo(userId: string): Prisma.AnnotationWhereInput {
  return {
    OR: [
      { authorId: userId },
      { visibility: "WORKSPACE", workspace: { memberships: { none: { userId, role: "STUDENT" } } } },
      { keyOf: { some: { assignment: { releasedAt: { not: null } } } } },
    ],
  };
}

/** The same rule in SQL, for the plain-SQL readers: `alias` names the Annotation table, `userParam` binds the user's id. */
export function visibleToSql(alias: string, userParam: string): string {
  return (
    `(${alias}.authorId = ${userParam}` +
    ` OR (${alias}.visibility = 'WORKSPACE' AND NOT EXISTS (SELECT 1 FROM "Membership" visible_m WHERE visible_m.userId = ${userParam} AND visible_m.workspaceId = ${alias}.workspaceId AND visible_m.role = 'STUDENT'))` +
    ` OR EXISTS (SELECT 1 FROM "AssignmentKeyAnnotation" visible_k JOIN "Assignment" visible_a ON visible_a.id = visible_k.assignmentId WHERE visible_k.annotationId = ${alias}.id AND visible_a.releasedAt IS NOT NULL))`
  );
}

/**
 * What the reading view holds of an annotation: the view without what only API clients need
 * (document and revision ids, the quote's context) and with the technique's name and colour only
 * (its definition comes once, with the workspace's taxonomy). A document page carries thousands.
 */
export type ReadingAnnotation = Omit<AnnotationView, "documentId" | "anchorRevisionId" | "prefix" | "suffix" | "technique"> & {
  technique: { id: string; name: string; colour: string } | null;
  /** Set when `note` holds only the opening of a long note, as a document page sends it: the whole loads on demand. */
  noteIsOpening?: true;
};
