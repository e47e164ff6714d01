import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import { byline } from "./byline";

export type AnnotationKind = ReadingAnnotation["kind"];
export type ClaimVerdict = NonNullable<ReadingAnnotation["verdict"]>;

export const KIND_LABEL: Record<AnnotationKind, string> = {
  CLAIM: "Claim",
  BIAS_MARKER: "Bias marker",
  CONTRADICTION: "Contradiction",
  CUSTOM: "Tag",
};

/** A kind as CSS names it: `hl--bias-marker`, `kind--claim`, `annotation-card--contradiction`. */
export function kindSlug(kind: AnnotationKind): string {
  return kind.toLowerCase().replace("_", "-");
}

/** One-key shortcuts while text is selected in the reading view. */
export const KIND_SHORTCUT: Record<AnnotationKind, string> = { CLAIM: "c", BIAS_MARKER: "b", CONTRADICTION: "x", CUSTOM: "t" };

export const VERDICT_LABEL: Record<ClaimVerdict, string> = {
  UNVERIFIED: "Unverified",
  CORROBORATED: "Corroborated",
  DISPUTED: "Disputed",
  REFUTED: "Refuted",
};

export function describeAnnotation(a: Pick<ReadingAnnotation, "kind" | "technique" | "verdict" | "author" | "creditedTo">): string {
  const detail = a.kind === "BIAS_MARKER" ? a.technique?.name : a.kind === "CLAIM" && a.verdict ? VERDICT_LABEL[a.verdict].toLowerCase() : null;
  return `${KIND_LABEL[a.kind]}${detail ? `: ${detail}` : ""}, by ${byline(a)}`;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
