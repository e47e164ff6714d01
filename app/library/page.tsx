import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { getDb } from "@/lib/db";
import { requirePageUser } from "@/lib/http/page-access";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";
import { createWorkspaceAction } from "@/app/account/actions";

export const metadata: Metadata = { title: "Library" };

/** The library opens on the user's first workspace; someone with none is offered to create one. */
export default async function LibraryPage() {
  const user = await requirePageUser("/library");
  const workspaces = await listUserWorkspaces(getDb(), { actor: user });
  if (workspaces[0]) redirect(`/w/${workspaces[0].id}`);
  return (
    <div className="page page--narrow">
      <h1>Your library</h1>
      <div className="empty-state" style={{ textAlign: "left" }}>
        <p>You are not a member of any workspace yet. Create one to add sources, or ask a colleague to add you to theirs.</p>
        <CreateWorkspaceForm action={createWorkspaceAction} />
      </div>
    </div>
  );
}
