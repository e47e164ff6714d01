import { visibleTo } from "../annotations/annotation-view";
import type { DbClient } from "../db";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

export const DOCUMENT_SORTS = ["date", "title", "kind", "added"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export type SortDirection = "asc" | "desc";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Titles as people read them: case and accents aside, "No. 9" before "No. 10". */
export function compareTitles(a: { title: string }, b: { title: string }): number {
  return collator.compare(a.title, b.title);
}

const SOURCE_KIND_ORDER = { PRIMARY: 0, SECONDARY: 1, TERTIARY: 2 } as const;

interface Sortable {
  title: string;
  dateSortKey: number | null;
  sourceKind: keyof typeof SOURCE_KIND_ORDER | null;
  genre: string | null;
  createdAt: Date;
}

/** Missing values go last whichever way the sort runs. */
function compareMissingLast<T>(a: T | null, b: T | null, compare: (a: T, b: T) => number, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compare(a, b);
}

/**
 * Library order, in JavaScript rather than SQL: titles compare as people read them (case and
 * accents aside, "No. 9" before "No. 10"), which SQLite's byte order does not.
 */
export function compareDocuments(sort: DocumentSort, direction: SortDirection): (a: Sortable, b: Sortable) => number {
  const sign = direction === "asc" ? 1 : -1;
  const byTitle = (a: Sortable, b: Sortable) => collator.compare(a.title, b.title);
  switch (sort) {
    case "date":
      return (a, b) => compareMissingLast(a.dateSortKey, b.dateSortKey, (x, y) => x - y, sign) || byTitle(a, b);
    case "kind":
      return (a, b) =>
        compareMissingLast(a.sourceKind, b.sourceKind, (x, y) => SOURCE_KIND_ORDER[x] - SOURCE_KIND_ORDER[y], sign) ||
        compareMissingLast(a.genre, b.genre, collator.compare, 1) ||
        byTitle(a, b);
    case "added":
      return (a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()) || byTitle(a, b);
    case "title":
      return (a, b) => sign * byTitle(a, b);
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
      _count: { select: { annotations: { where: visibleTo(actor.id) } } },
    },
  });
  return documents
    .map(({ _count, authors, ...document }) => ({ ...document, authors: toStringArray(authors), annotationCount: _count.annotations }))
    .sort(compareDocuments(sort, direction));
}

/** Authors are stored as JSON; anything that is not a list of strings reads as no authors. */
export function toStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
