"use client";

import { useEffect, useState, type ComponentProps, type ReactNode } from "react";
import { getRevisionText } from "@/components/api/documents-api";
import type { RevisionText } from "@/lib/documents/get-revision-text";
import { DocumentWorkbench } from "./document-workbench";

type WorkbenchProps = ComponentProps<typeof DocumentWorkbench>;

/**
 * The document page's reading view. A short text comes whole with the page (`revision`). For a
 * longer one the page sends the server-drawn opening (`firstScreen`) and the annotations, not the
 * text itself: the text of the revision comes from its own endpoint (which the page preloads and
 * the browser caches by revision id), and then the workbench takes over.
 */
export function DocumentReader({
  firstScreen,
  moreText,
  revision: inlineRevision,
  ...workbench
}: Omit<WorkbenchProps, "text" | "pageBreaks"> & {
  /** The opening of the text, drawn by the server with its highlights. */
  firstScreen: ReactNode;
  /** Whether the text goes on past the opening. */
  moreText: boolean;
  /** The whole revision, when the page sends it (a short text: one request fewer). */
  revision?: RevisionText;
}) {
  const { revisionId } = workbench;
  const [revision, setRevision] = useState<RevisionText | null>(inlineRevision ?? null);
  const [error, setError] = useState<string | null>(null);

  // Bumped by "Try again": each attempt is one request.
  const [attempt, setAttempt] = useState(0);

  // Loading starts once the page has hydrated: the opening is on screen meanwhile.
  useEffect(() => {
    if (inlineRevision) return;
    let current = true;
    void getRevisionText(revisionId).then((result) => {
      if (!current) return;
      if (result.ok && result.data.revisionId === revisionId) setRevision(result.data);
      else setError(result.ok ? "The server sent another revision's text." : result.message);
    });
    return () => {
      current = false;
    };
  }, [revisionId, attempt, inlineRevision]);

  const retry = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };

  if (revision) return <DocumentWorkbench {...workbench} text={revision.text} pageBreaks={revision.pageBreaks} />;
  return (
    <div className="workbench" aria-busy="true">
      <div className="workbench__text">
        {/* The workbench's toolbar and status line take this room once it mounts: the text does not move. */}
        {workbench.canAnnotate ? (
          <div className="workbench__toolbar" role="toolbar" aria-label="Document">
            <span className="muted">Select words to annotate them.</span>
          </div>
        ) : null}
        <div className="status-line is-empty" role="status" aria-live="polite" />
        {firstScreen}
        {error ? (
          <div className="alert alert--error" role="alert">
            Could not load the text: {error}{" "}
            <button type="button" className="button button--quiet" onClick={retry}>
              Try again
            </button>
          </div>
        ) : moreText ? (
          <p className="muted loading-line">Loading the whole text…</p>
        ) : null}
      </div>
      <div className="workbench__side">{workbench.sideHeader}</div>
    </div>
  );
}
