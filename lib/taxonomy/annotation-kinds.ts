import type { AnnotationKind } from "../generated/prisma/enums";

export interface AnnotationKindDefinition {
  kind: AnnotationKind;
  key: string;
  name: string;
  description: string;
  colour: string;
}

/** The built-in annotation kinds; a workspace's KIND tags carry their (editable) label and colour. */
export const ANNOTATION_KINDS: readonly AnnotationKindDefinition[] = [
  { kind: "CLAIM", key: "kind:claim", name: "Claim", colour: "#2f6f9f", description: "A statement of fact or interpretation the source asserts." },
  { kind: "BIAS_MARKER", key: "kind:bias-marker", name: "Bias marker", colour: "#b4442c", description: "Slanted wording or framing, named by a propaganda technique." },
  { kind: "CONTRADICTION", key: "kind:contradiction", name: "Contradiction", colour: "#8a5a9e", description: "A span that conflicts with another span, in this document or another." },
  { kind: "CUSTOM", key: "kind:custom", name: "Tagged passage", colour: "#5f7a4e", description: "A span marked with the workspace's own tags." },
];
