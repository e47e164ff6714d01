import { ANNOTATION_KINDS, KIND_LABEL, KIND_SHORTCUT, kindSlug, type AnnotationKind } from "@/lib/vocabulary/annotation-kind";

/** One button per kind beside the selected words, each with its one-key shortcut. */
export function SelectionToolbar({ top, left, onAnnotate }: { top: number; left: number; onAnnotate: (kind: AnnotationKind) => void }) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Annotate selection" style={{ top, left }}>
      {ANNOTATION_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={`selection-toolbar__button kind--${kindSlug(kind)}`}
          // Keeps the editor's selection (a click would otherwise collapse it first).
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onAnnotate(kind)}
          aria-keyshortcuts={KIND_SHORTCUT[kind]}
        >
          {KIND_LABEL[kind]} <kbd>{KIND_SHORTCUT[kind].toUpperCase()}</kbd>
        </button>
      ))}
    </div>
  );
}
