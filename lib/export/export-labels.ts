import { LINK_LABEL, type LinkType } from "../vocabulary/link-type";

/** "A contradicts B": a link's type as the lower-case relation the human-readable exports print (labels live in lib/vocabulary). */
export function linkRelation(type: LinkType): string {
  return LINK_LABEL[type].forward.toLowerCase();
}

/** "FIRST_MORE_RELIABLE" → "first-more-reliable": the machine-readable value in wire formats. */
export function toSlug(value: string): string {
  return value.toLowerCase().replaceAll("_", "-");
}
