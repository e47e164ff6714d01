import type { LinkView } from "@/lib/links/link-view";

/** The side-by-side view of a link, with its first side on the left. */
export function compareUrl(link: Pick<LinkView, "id" | "source" | "target">): string {
  return `/compare?left=${link.source.documentId}&right=${link.target.documentId}&link=${link.id}`;
}
