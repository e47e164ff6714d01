import type { ExportAnnotation } from "./export-model";

/** The W3C Web Annotation motivations the workbench uses (a subset of the vocabulary's 13). */
export type Motivation = "assessing" | "classifying" | "commenting" | "highlighting" | "linking" | "questioning" | "replying" | "tagging";

/**
 * Why the annotation was made, in the W3C vocabulary (TEI's `@motivation` uses the same list):
 * - a claim with a verdict other than "unverified" is `assessing`; an unassessed claim is only
 *   `highlighting` (it marks a statement to check);
 * - a bias marker is `classifying` (the target is an instance of a technique);
 * - a contradiction marker is `questioning` (the span is in doubt until its pair is decided);
 * - a custom annotation is `tagging` (its meaning is the workspace's tags).
 * Notes, tags and verdicts travel as bodies with their own `purpose`.
 */
export function motivationFor(annotation: Pick<ExportAnnotation, "kind" | "verdict">): Motivation {
  switch (annotation.kind) {
    case "CLAIM":
      return annotation.verdict !== null && annotation.verdict !== "UNVERIFIED" ? "assessing" : "highlighting";
    case "BIAS_MARKER":
      return "classifying";
    case "CONTRADICTION":
      return "questioning";
    case "CUSTOM":
      return "tagging";
  }
}
