"use client";

import { useState } from "react";
import { commentOnSubmission } from "@/components/api/classroom-api";
import { ApiButton } from "./api-button";
import { formatDateTime } from "./labels";

export interface ProgressRow {
  studentId: string;
  name: string;
  email: string;
  startedAt: string | null;
  submittedAt: string | null;
  reopenedAt: string | null;
  marks: number;
  comment: string;
}

function CommentField({ assignmentId, row }: { assignmentId: string; row: ProgressRow }) {
  const [value, setValue] = useState(row.comment);
  const [savedValue, setSavedValue] = useState(row.comment);
  const [state, setState] = useState<"idle" | "saving" | "saved" | string>("idle");
  return (
    <div className="comment-field">
      <textarea aria-label={`Comment for ${row.name}`} rows={2} value={value} onChange={(e) => setValue(e.target.value)} maxLength={5000} />
      <button
        type="button"
        className="button button--quiet"
        disabled={state === "saving" || value === savedValue}
        onClick={async () => {
          setState("saving");
          const result = await commentOnSubmission(assignmentId, row.studentId, { comment: value });
          setState(result.ok ? "saved" : result.message);
          if (result.ok) setSavedValue(value);
        }}
      >
        {state === "saving" ? "Saving…" : "Save comment"}
      </button>
      {state === "saved" ? (
        <span className="muted" role="status">
          Saved
        </span>
      ) : state !== "idle" && state !== "saving" ? (
        <span className="field error" role="alert">
          {state}
        </span>
      ) : null}
    </div>
  );
}

/** Who has started, how many marks, who submitted; reopen a submission; a comment per student. */
export function ProgressTable({ assignmentId, rows }: { assignmentId: string; rows: ProgressRow[] }) {
  if (rows.length === 0) return <p className="muted">No students have joined yet. Give them a class code (on the Assignments page).</p>;
  return (
    <table className="table progress-table">
      <thead>
        <tr>
          <th>Student</th>
          <th>Started</th>
          <th>Marks</th>
          <th>Submitted</th>
          <th>Comment (shown with the results)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.studentId} data-student={row.name}>
            <td>
              {row.name}
              <div className="muted">{row.email}</div>
            </td>
            <td>{row.startedAt ? formatDateTime(row.startedAt) : <span className="muted">not started</span>}</td>
            <td>{row.marks}</td>
            <td>
              {row.submittedAt ? (
                <>
                  {formatDateTime(row.submittedAt)}{" "}
                  <ApiButton call={{ action: "reopen-submission", assignmentId, studentId: row.studentId }} label="Reopen" pendingLabel="Reopening…" className="button button--quiet" confirmText={`Reopen ${row.name}'s work so they can change it?`} />
                </>
              ) : row.reopenedAt ? (
                <span className="muted">reopened {formatDateTime(row.reopenedAt)}</span>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <CommentField assignmentId={assignmentId} row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
