import type { LinkView } from "@/lib/links/link-view";

export type LinkType = LinkView["type"];
export type LinkVerdict = NonNullable<LinkView["verdict"]>;

/** How a link reads from its source ("this contradicts that") and from its target. */
export const LINK_LABEL: Record<LinkType, { forward: string; backward: string }> = {
  CONTRADICTS: { forward: "Contradicts", backward: "Contradicts" },
  CORROBORATES: { forward: "Corroborates", backward: "Corroborated by" },
  SAME_CLAIM_AS: { forward: "Same claim as", backward: "Same claim as" },
  DERIVES_FROM: { forward: "Derives from", backward: "Source of" },
  RESPONDS_TO: { forward: "Responds to", backward: "Answered by" },
};

export const VERDICT_LABEL: Record<LinkVerdict, string> = {
  UNRESOLVED: "Unresolved",
  FIRST_MORE_RELIABLE: "First more reliable",
  SECOND_MORE_RELIABLE: "Second more reliable",
  BOTH_WRONG: "Both wrong",
  NOT_A_CONTRADICTION: "Not a contradiction",
};

/** The side-by-side view of a link, with its first side on the left. */
export function compareUrl(link: Pick<LinkView, "id" | "source" | "target">): string {
  return `/compare?left=${link.source.documentId}&right=${link.target.documentId}&link=${link.id}`;
}
