import { AnnotationKind } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { AnnotationKind };
export const ANNOTATION_KINDS = enumValues(AnnotationKind);

/** What a reader sees for each kind: in the reading view, the panel, search and the exports alike. */
export const KIND_LABEL: Record<AnnotationKind, string> = {
  CLAIM: "Claim",
  BIAS_MARKER: "Bias marker",
  CONTRADICTION: "Contradiction",
  CUSTOM: "Tag",
};

/** One-key shortcuts while text is selected in the reading view. */
export const KIND_SHORTCUT: Record<AnnotationKind, string> = { CLAIM: "c", BIAS_MARKER: "b", CONTRADICTION: "x", CUSTOM: "t" };

/** A kind as CSS names it: `hl--bias-marker`, `kind--claim`, `annotation-card--contradiction`. */
export function kindSlug(kind: AnnotationKind): string {
  return KIND_SLUG[kind] ?? kind.toLowerCase().replace("_", "-");
}
const KIND_SLUG = Object.fromEntries(ANNOTATION_KINDS.map((kind) => [kind, kind.toLowerCase().replace("_", "-")])) as Record<AnnotationKind, string>;

/** The kinds an assignment may ask students to mark (custom tags are a workspace's own business). */
export const MARK_KINDS = ["BIAS_MARKER", "CLAIM", "CONTRADICTION"] as const satisfies readonly AnnotationKind[];
export type MarkKind = (typeof MARK_KINDS)[number];
