import type { SearchHit } from "@/lib/search/search-workspace";
import { textRangeParam } from "@/lib/search/text-range-param";

/** Where a hit opens: its document, on the words found (text) or on the annotation (annotation, reply, link). */
export function searchHitHref(hit: SearchHit): string {
  const document = `/documents/${encodeURIComponent(hit.documentId)}`;
  if (hit.source === "BLOCK" && hit.select) return `${document}?select=${textRangeParam(hit.select)}`;
  if (hit.annotation) return `${document}?annotation=${encodeURIComponent(hit.annotation.id)}`;
  return document;
}
