import type { AnnotationKind, ClaimVerdict, ContradictionVerdict, LinkType, SourceKind } from "./export-model";

/** The words a reader sees for each enumeration value in the human-readable exports. */
export const KIND_LABELS: Record<AnnotationKind, string> = {
  CLAIM: "Claim",
  BIAS_MARKER: "Bias marker",
  CONTRADICTION: "Contradiction",
  CUSTOM: "Custom",
};

export const VERDICT_LABELS: Record<ClaimVerdict, string> = {
  UNVERIFIED: "Unverified",
  CORROBORATED: "Corroborated",
  DISPUTED: "Disputed",
  REFUTED: "Refuted",
};

export const LINK_TYPE_LABELS: Record<LinkType, string> = {
  CONTRADICTS: "contradicts",
  CORROBORATES: "corroborates",
  SAME_CLAIM_AS: "same claim as",
  DERIVES_FROM: "derives from",
  RESPONDS_TO: "responds to",
};

export const LINK_VERDICT_LABELS: Record<ContradictionVerdict, string> = {
  UNRESOLVED: "Unresolved",
  FIRST_MORE_RELIABLE: "First more reliable",
  SECOND_MORE_RELIABLE: "Second more reliable",
  BOTH_WRONG: "Both wrong",
  NOT_A_CONTRADICTION: "Not a real contradiction",
};

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  PRIMARY: "Primary source",
  SECONDARY: "Secondary source",
  TERTIARY: "Tertiary source",
};

/** "FIRST_MORE_RELIABLE" → "first-more-reliable": the machine-readable value in wire formats. */
export function toSlug(value: string): string {
  return value.toLowerCase().replaceAll("_", "-");
}
