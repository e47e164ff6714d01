import type { Metadata } from "next";
import Link from "next/link";
import { AddMemberForm } from "@/components/workspaces/add-member-form";
import { MemberRow } from "@/components/workspaces/member-row";
import { getDb } from "@/lib/db";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listMembers } from "@/lib/workspaces/list-members";
import { ROLE_LABEL } from "@/lib/workspaces/require-workspace-role";
import { addMemberAction, changeMemberRoleAction, removeMemberAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/members`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const members = await listMembers(db, { actor: user, workspaceId });
  const isOwner = workspace.role === "OWNER";

  return (
    <div className="page">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Members
      </div>
      <div className="page-header">
        <div>
          <h1>Members</h1>
          <p>
            Owners manage members; editors add and annotate documents; viewers read and reply. You are {ROLE_LABEL[workspace.role]}.
          </p>
        </div>
      </div>
      <div className="stack">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                isSelf={member.userId === user.id}
                canManage={isOwner}
                changeRole={changeMemberRoleAction.bind(null, workspaceId, member.userId)}
                remove={removeMemberAction.bind(null, workspaceId, member.userId)}
              />
            ))}
          </tbody>
        </table>
        {isOwner ? (
          <fieldset className="form-section" style={{ maxWidth: 560 }}>
            <legend>Add a member</legend>
            <AddMemberForm action={addMemberAction.bind(null, workspaceId)} />
          </fieldset>
        ) : null}
      </div>
    </div>
  );
}
