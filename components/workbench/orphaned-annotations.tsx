"use client";

import type { ReadingAnnotation } from "@/lib/annotations/annotation-view";
import { KIND_LABEL } from "@/lib/vocabulary/annotation-kind";
import { truncate } from "@/components/labels/truncate";
import { byline } from "@/components/labels/byline";

/**
 * Annotations whose words are gone from the current text. They are never moved silently: the old
 * quote is shown, and the author re-attaches each to a new selection or deletes it.
 */
export function OrphanedAnnotations({
  orphans,
  canAnnotate,
  currentUserId,
  isOwner,
  hasSelection,
  onReattach,
  onDelete,
}: {
  orphans: ReadingAnnotation[];
  canAnnotate: boolean;
  currentUserId: string;
  isOwner: boolean;
  hasSelection: boolean;
  onReattach: (annotation: ReadingAnnotation) => void;
  onDelete: (annotation: ReadingAnnotation) => void;
}) {
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-title">
      <h2 id="orphans-title">Orphaned ({orphans.length})</h2>
      <p className="hint">The text these were made on has changed and their words could not be found. Select the right words in the text and re-attach, or delete.</p>
      <ul>
        {orphans.map((a) => {
          const own = a.author.id === currentUserId;
          return (
            <li key={a.id} className="orphan">
              <span className="annotation-card__kind">
                {KIND_LABEL[a.kind]} · {byline(a)}
              </span>
              <span className="annotation-card__quote">
                was on: “<s>{truncate(a.exact, 160)}</s>”
              </span>
              {a.note ? <span className="annotation-card__note">{truncate(a.note, 120)}</span> : null}
              <div className="form-actions">
                {own && canAnnotate ? (
                  <button type="button" className="button button--quiet" disabled={!hasSelection} onClick={() => onReattach(a)} title={hasSelection ? undefined : "Select words in the text first"}>
                    Re-attach to selection
                  </button>
                ) : null}
                {(own && canAnnotate) || isOwner ? (
                  <button type="button" className="button button--quiet" onClick={() => onDelete(a)}>
                    Delete
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
