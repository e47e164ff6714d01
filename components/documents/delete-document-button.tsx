"use client";

import { useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

/** Deletes a document after the user confirms in a dialog that says what will be lost. */
export function DeleteDocumentButton({ title, annotationCount, action }: { title: string; annotationCount: number; action: () => Promise<ActionResult<unknown>> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => dialog.current?.showModal()}>
        Delete document…
      </button>
      <dialog ref={dialog} aria-labelledby="delete-title" aria-describedby="delete-description">
        <h2 id="delete-title">Delete this document?</h2>
        <p id="delete-description">
          “{title}” will be deleted with its text and every annotation on it
          {annotationCount > 0 ? ` (${annotationCount} you can see, and any private ones of other members)` : ""}, with the links to them. This
          cannot be undone.
        </p>
        {error ? (
          <div className="alert alert--error" role="alert" style={{ marginBottom: 12 }}>
            {error}
          </div>
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="button button--danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await action();
                if (result && !result.ok) setError(result.message);
              })
            }
          >
            {pending ? "Deleting…" : "Delete"}
          </button>
          <button type="button" className="button button--quiet" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
