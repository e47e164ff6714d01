import { SourceKind } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { SourceKind };
export const SOURCE_KINDS = enumValues(SourceKind);

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  PRIMARY: "Primary",
  SECONDARY: "Secondary",
  TERTIARY: "Tertiary",
};

/** The label standing alone (a report's metadata line): "Primary source". */
export function sourceKindPhrase(kind: SourceKind): string {
  return `${SOURCE_KIND_LABEL[kind]} source`;
}
