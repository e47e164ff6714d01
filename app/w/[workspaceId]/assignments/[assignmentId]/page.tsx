import type { Metadata } from "next";
import Link from "next/link";
import { ApiButton } from "@/components/classroom/api-button";
import { AssignmentForm } from "@/components/classroom/assignment-form";
import { KeyPicker } from "@/components/classroom/key-picker";
import { STATUS_LABEL, formatDateTime } from "@/components/classroom/labels";
import { ProgressTable } from "@/components/classroom/progress-table";
import { getAssignment } from "@/lib/classroom/get-assignment";
import { getDb } from "@/lib/db";
import { listDocuments } from "@/lib/documents/list-documents";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "Assignment" };

const KIND_WORDS = { BIAS_MARKER: "bias markers", CLAIM: "claims", CONTRADICTION: "contradictions" } as const;

export default async function AssignmentPage({ params }: { params: Promise<{ workspaceId: string; assignmentId: string }> }) {
  const { workspaceId, assignmentId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/assignments/${assignmentId}`);
  const db = getDb();
  const assignment = await loadOrNotFound(getAssignment(db, { actor: user, assignmentId }));
  const base = `/w/${assignment.workspaceId}/assignments/${assignment.id}`;

  const header = (
    <>
      <div className="breadcrumbs">
        <Link href={`/w/${assignment.workspaceId}/assignments`}>Assignments</Link> / {assignment.title}
      </div>
      <div className="page-header">
        <div>
          <div className="eyebrow">Assignment</div>
          <h1>{assignment.title}</h1>
          <p>
            Mark {assignment.markKinds.map((k) => KIND_WORDS[k]).join(", ")} · opens {assignment.opensAt ? formatDateTime(assignment.opensAt) : "now"} · due {formatDateTime(assignment.dueAt)}
          </p>
        </div>
      </div>
      {assignment.instructions ? <p className="assignment-instructions">{assignment.instructions}</p> : null}
    </>
  );

  if (assignment.student) {
    const { status, marks, submittedAt } = assignment.student;
    return (
      <div className="page">
        {header}
        <div className="alert alert--info" role="status">
          {STATUS_LABEL[status]}
          {status === "submitted" ? ` on ${formatDateTime(submittedAt)}. Your work is locked; your teacher can reopen it.` : null}
          {status === "open" ? ". Only you (and your teacher) see your marks." : null}
          {" · "}
          {marks} {marks === 1 ? "mark" : "marks"} so far
        </div>
        <h2>Documents</h2>
        <ul className="stack">
          {assignment.documents.map((d) => (
            <li key={d.id}>
              <Link href={`/documents/${d.id}`}>{d.title}</Link>
            </li>
          ))}
        </ul>
        <div className="form-actions">
          {status === "open" ? (
            <ApiButton call={{ action: "submit-assignment", assignmentId: assignment.id }} label="Submit my work" pendingLabel="Submitting…" confirmText="Submit? Your marks lock until your teacher reopens them." />
          ) : null}
          {status === "released" ? (
            <Link className="button" href={`${base}/feedback`}>
              See my results and the key
            </Link>
          ) : null}
        </div>
      </div>
    );
  }

  const teacher = assignment.teacher;
  if (!teacher) return null;
  const documents = await listDocuments(db, { actor: user, workspaceId: assignment.workspaceId, sort: "title" });
  return (
    <div className="page">
      {header}
      <div className="form-actions assignment-actions">
        <Link className="button" href={`${base}/results`}>
          Results
        </Link>
        <Link className="button button--quiet" href={`${base}/heatmap`}>
          Class heatmap
        </Link>
        {assignment.releasedAt ? (
          <>
            <span className="muted">Results released {formatDateTime(assignment.releasedAt)}</span>
            <ApiButton call={{ action: "release-results", assignmentId: assignment.id, released: false }} label="Withdraw release" pendingLabel="Withdrawing…" className="button button--quiet" />
          </>
        ) : (
          <ApiButton call={{ action: "release-results", assignmentId: assignment.id, released: true }} label="Release results" pendingLabel="Releasing…" confirmText="Release the results? Students then see the key beside their own work, and work stops." />
        )}
      </div>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ProgressTable
          assignmentId={assignment.id}
          rows={teacher.progress.map((p) => ({ ...p, startedAt: p.startedAt?.toISOString() ?? null, submittedAt: p.submittedAt?.toISOString() ?? null, reopenedAt: p.reopenedAt?.toISOString() ?? null }))}
        />
      </section>
      <section aria-labelledby="key-heading">
        <h2 id="key-heading">Answer key ({teacher.keySize})</h2>
        <p className="muted">
          Mark the documents yourself ({assignment.documents.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/documents/${d.id}`}>{d.title}</Link>
            </span>
          ))}
          ), then tick the annotations that make the key. Students never see the key before you release the results.
        </p>
        <KeyPicker assignmentId={assignment.id} candidates={teacher.candidates} />
      </section>
      <details className="card">
        <summary>Edit the assignment</summary>
        <AssignmentForm
          workspaceId={assignment.workspaceId}
          assignmentId={assignment.id}
          documents={documents.map((d) => ({ id: d.id, title: d.title }))}
          initial={{
            title: assignment.title,
            instructions: assignment.instructions,
            documentIds: assignment.documents.map((d) => d.id),
            markKinds: assignment.markKinds,
            opensAt: assignment.opensAt?.toISOString() ?? null,
            dueAt: assignment.dueAt?.toISOString() ?? null,
          }}
        />
      </details>
    </div>
  );
}
