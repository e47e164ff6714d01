import { KIND_LABEL, type AnnotationKind } from "../vocabulary/annotation-kind";

export interface AnnotationKindDefinition {
  kind: AnnotationKind;
  key: string;
  name: string;
  description: string;
  colour: string;
}

/** The built-in annotation kinds; a workspace's KIND tags carry their (editable) label and colour. */
export const KIND_TAG_DEFINITIONS: readonly AnnotationKindDefinition[] = [
  { kind: "CLAIM", key: "kind:claim", name: KIND_LABEL.CLAIM, colour: "#2f6f9f", description: "A statement of fact or interpretation the source asserts." },
  { kind: "BIAS_MARKER", key: "kind:bias-marker", name: KIND_LABEL.BIAS_MARKER, colour: "#b4442c", description: "Slanted wording or framing, named by a propaganda technique." },
  { kind: "CONTRADICTION", key: "kind:contradiction", name: KIND_LABEL.CONTRADICTION, colour: "#8a5a9e", description: "A span that conflicts with another span, in this document or another." },
  { kind: "CUSTOM", key: "kind:custom", name: KIND_LABEL.CUSTOM, colour: "#5f7a4e", description: "A span marked with the workspace's own tags." },
];
