import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import type { WorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { AnnotationForm, type AnnotationFormValues } from "./annotation-form";
import type { TextSelection } from "./hooks/use-reading-editor";
import { truncate } from "@/components/labels/truncate";
import { type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

/** A new annotation on the selected words (floating beside them), or an existing one being edited (docked in the side column). */
export type Composer = { mode: "create"; selection: TextSelection; kind: AnnotationKind } | { mode: "edit"; annotation: ReadingAnnotation };

export type ComposerError = { message: string; fieldErrors: Record<string, string> };

function emptyValues(kind: AnnotationKind): AnnotationFormValues {
  return { kind, techniqueId: null, verdict: kind === "CLAIM" ? "UNVERIFIED" : null, confidence: null, note: "", visibility: "WORKSPACE", tagIds: [] };
}

function currentValues(annotation: ReadingAnnotation): AnnotationFormValues {
  return {
    kind: annotation.kind,
    techniqueId: annotation.technique?.id ?? null,
    verdict: annotation.verdict,
    confidence: annotation.confidence,
    note: annotation.note,
    visibility: annotation.visibility,
    tagIds: annotation.tags.map((t) => t.id),
  };
}

/** The annotation form in its dialog. */
export function AnnotationComposer({
  composer,
  error,
  pending,
  tags,
  onSubmit,
  onCancel,
}: {
  composer: Composer;
  error: ComposerError | null;
  pending: boolean;
  tags: WorkspaceTags;
  onSubmit: (values: AnnotationFormValues) => void;
  onCancel: () => void;
}) {
  const creating = composer.mode === "create";
  return (
    <div
      role="dialog"
      aria-label={creating ? "New annotation" : "Edit annotation"}
      className={creating ? "composer composer--floating" : "composer composer--docked"}
      style={creating ? { top: composer.selection.top, left: composer.selection.left } : undefined}
    >
      <AnnotationForm
        key={creating ? `${composer.selection.start}-${composer.kind}` : composer.annotation.id}
        initial={creating ? emptyValues(composer.kind) : currentValues(composer.annotation)}
        tags={tags}
        quote={truncate(creating ? composer.selection.exact : composer.annotation.exact, 200)}
        submitLabel={creating ? "Save" : "Save changes"}
        error={error?.message}
        fieldErrors={error?.fieldErrors}
        pending={pending}
        onSubmit={onSubmit}
        onCancel={onCancel}
      />
    </div>
  );
}
