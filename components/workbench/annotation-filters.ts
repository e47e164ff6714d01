import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";

export interface AnnotationFilters {
  kind: string;
  techniqueId: string;
  verdict: string;
  authorId: string;
  tagId: string;
}

export const NO_FILTERS: AnnotationFilters = { kind: "", techniqueId: "", verdict: "", authorId: "", tagId: "" };

/** Whether an annotation passes the panel's filters (an empty filter lets everything through). */
export function matchesFilters(a: ReadingAnnotation, f: AnnotationFilters): boolean {
  return (
    (!f.kind || a.kind === f.kind) &&
    (!f.techniqueId || a.technique?.id === f.techniqueId) &&
    (!f.verdict || a.verdict === f.verdict) &&
    (!f.authorId || a.author.id === f.authorId) &&
    (!f.tagId || a.tags.some((t) => t.id === f.tagId))
  );
}

export function isFiltering(f: AnnotationFilters): boolean {
  return Object.values(f).some(Boolean);
}
