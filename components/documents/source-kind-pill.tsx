import type { SourceKind } from "@/lib/generated/prisma/enums";
import { SOURCE_KIND_LABEL } from "@/lib/vocabulary/source-kind";

export function SourceKindPill({ kind }: { kind: SourceKind | null }) {
  if (!kind) return null;
  return <span className={`pill pill--${kind.toLowerCase()}`}>{SOURCE_KIND_LABEL[kind]}</span>;
}
