import type { DbClient } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

export const DOCUMENT_SORTS = ["date", "title", "kind", "added"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export type SortDirection = "asc" | "desc";

function orderBy(sort: DocumentSort, direction: SortDirection): Prisma.DocumentOrderByWithRelationInput[] {
  const byTitle = { title: direction } as const;
  switch (sort) {
    case "date":
      // Undated documents go last whichever way the dates run.
      return [{ dateSortKey: { sort: direction, nulls: "last" } }, { title: "asc" }];
    case "kind":
      return [{ sourceKind: { sort: direction, nulls: "last" } }, { genre: { sort: "asc", nulls: "last" } }, { title: "asc" }];
    case "added":
      return [{ createdAt: direction }, byTitle];
    case "title":
      return [byTitle];
  }
}

/** A workspace's documents with their metadata, for the library. */
export async function listDocuments(
  db: DbClient,
  { actor, workspaceId, sort = "date", direction = "asc" }: { actor: { id: string }; workspaceId: string; sort?: DocumentSort; direction?: SortDirection },
) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const documents = await db.document.findMany({
    where: { workspaceId },
    orderBy: orderBy(sort, direction),
    select: {
      id: true,
      title: true,
      authors: true,
      dateText: true,
      dateSortKey: true,
      place: true,
      sourceKind: true,
      genre: true,
      language: true,
      createdAt: true,
      updatedAt: true,
      // Counts only what the actor may see: workspace annotations and their own private ones.
      _count: { select: { annotations: { where: { OR: [{ visibility: "WORKSPACE" }, { authorId: actor.id }] } } } },
    },
  });
  return documents.map(({ _count, authors, ...document }) => ({ ...document, authors: toStringArray(authors), annotationCount: _count.annotations }));
}

/** Authors are stored as JSON; anything that is not a list of strings reads as no authors. */
export function toStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
