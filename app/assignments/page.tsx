import type { Metadata } from "next";
import Link from "next/link";
import { STATUS_LABEL, formatDateTime } from "@/components/classroom/labels";
import { listMyAssignments } from "@/lib/classroom/list-assignments";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-access";

export const metadata: Metadata = { title: "My assignments" };

export default async function MyAssignmentsPage() {
  const user = await requirePageUser("/assignments");
  const assignments = await listMyAssignments(getDb(), { actor: user });
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <div className="eyebrow">Classroom</div>
          <h1>My assignments</h1>
          <p>Assignments from the classes you joined as a student.</p>
        </div>
        <div className="form-actions">
          <Link className="button button--quiet" href="/join">
            Join a class
          </Link>
        </div>
      </div>
      {assignments.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing to do yet</h2>
          <p>
            Join a class with the code your teacher gave you: <Link href="/join">Join a class</Link>.
          </p>
        </div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Assignment</th>
              <th>Class</th>
              <th>Due</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={a.status === "released" ? `/w/${a.workspace.id}/assignments/${a.id}/feedback` : `/w/${a.workspace.id}/assignments/${a.id}`}>{a.title}</Link>
                </td>
                <td>{a.workspace.name}</td>
                <td>{formatDateTime(a.dueAt)}</td>
                <td>{STATUS_LABEL[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
