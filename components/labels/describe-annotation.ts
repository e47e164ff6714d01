import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import { KIND_LABEL } from "@/lib/vocabulary/annotation-kind";
import { CLAIM_VERDICT_LABEL } from "@/lib/vocabulary/claim-verdict";
import { byline } from "./byline";

/** "Bias marker: Loaded language, by Anna": an annotation in a few words (a highlight's name, a span's title). */
export function describeAnnotation(a: Pick<ReadingAnnotation, "kind" | "technique" | "verdict" | "author" | "creditedTo">): string {
  const detail = a.kind === "BIAS_MARKER" ? a.technique?.name : a.kind === "CLAIM" && a.verdict ? CLAIM_VERDICT_LABEL[a.verdict].toLowerCase() : null;
  return `${KIND_LABEL[a.kind]}${detail ? `: ${detail}` : ""}, by ${byline(a)}`;
}
