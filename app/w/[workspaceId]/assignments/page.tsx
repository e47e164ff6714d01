import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AssignmentForm } from "@/components/classroom/assignment-form";
import { InviteCodesPanel } from "@/components/classroom/invite-codes-panel";
import { STATUS_LABEL, formatDateTime } from "@/components/classroom/labels";
import { listInviteCodes } from "@/lib/classroom/invite-codes";
import { listWorkspaceAssignments } from "@/lib/classroom/list-assignments";
import { getDb } from "@/lib/db";
import { listDocuments } from "@/lib/documents/list-documents";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/assignments`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const isTeacher = roleAtLeast(workspace.role, "EDITOR");
  const [{ assignments }, documents, codes] = await Promise.all([
    listWorkspaceAssignments(db, { actor: user, workspaceId }),
    isTeacher ? listDocuments(db, { actor: user, workspaceId, sort: "title" }) : Promise.resolve([]),
    isTeacher ? listInviteCodes(db, { actor: user, workspaceId }) : Promise.resolve([]),
  ]);
  const host = (await headers()).get("host") ?? "localhost";
  const origin = `${host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https"}://${host}`;

  return (
    <div className="page">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Assignments
      </div>
      <div className="page-header">
        <div>
          <div className="eyebrow">Classroom</div>
          <h1>Assignments</h1>
          <p>{isTeacher ? "Set texts for your class to mark, with an answer key; see who has started and submitted, score the work and release feedback." : "Your assignments in this class. Your marks are yours alone until your teacher releases the results."}</p>
        </div>
      </div>

      {assignments.length === 0 ? (
        <div className="empty-state">
          <h2>No assignments yet</h2>
          <p>{isTeacher ? "Create the first one below." : "Your teacher has not opened any assignment yet."}</p>
        </div>
      ) : (
        <table className="table assignments-table">
          <thead>
            <tr>
              <th>Assignment</th>
              <th>Due</th>
              <th>Documents</th>
              {isTeacher ? (
                <>
                  <th>Key</th>
                  <th>Started</th>
                  <th>Submitted</th>
                </>
              ) : null}
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/w/${workspaceId}/assignments/${a.id}`}>{a.title}</Link>
                </td>
                <td>{formatDateTime(a.dueAt)}</td>
                <td>{a.documentCount}</td>
                {isTeacher ? (
                  <>
                    <td>{a.keySize}</td>
                    <td>{a.started}</td>
                    <td>{a.submitted}</td>
                  </>
                ) : null}
                <td>{a.releasedAt ? "Results released" : isTeacher ? (a.status === "not-open" ? "Not open yet" : "Open") : STATUS_LABEL[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {isTeacher ? (
        <div className="classroom-columns">
          <section className="card" aria-labelledby="new-assignment-heading">
            <h2 id="new-assignment-heading">New assignment</h2>
            <AssignmentForm workspaceId={workspaceId} documents={documents.map((d) => ({ id: d.id, title: d.title }))} />
          </section>
          <InviteCodesPanel
            workspaceId={workspaceId}
            origin={origin}
            codes={codes.map((c) => ({ id: c.id, code: c.code, expiresAt: c.expiresAt.toISOString(), revokedAt: c.revokedAt?.toISOString() ?? null, uses: c.uses, state: c.state }))}
          />
        </div>
      ) : null}
    </div>
  );
}
