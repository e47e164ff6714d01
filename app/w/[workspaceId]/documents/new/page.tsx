import type { Metadata } from "next";
import Link from "next/link";
import { AddDocumentForm } from "@/components/documents/add-document-form";
import { getDb } from "@/lib/db";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";

export const metadata: Metadata = { title: "Add a document" };

export default async function NewDocumentPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/documents/new`);
  const workspace = await loadOrNotFound(getWorkspace(getDb(), { actor: user, workspaceId }));
  return (
    <div className="page" style={{ maxWidth: 880 }}>
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Add a document
      </div>
      <h1>Add a document</h1>
      {roleAtLeast(workspace.role, "EDITOR") ? (
        <AddDocumentForm workspaceId={workspaceId} />
      ) : (
        <div className="alert alert--info">You are a viewer in this workspace; ask an owner to make you an editor to add documents.</div>
      )}
    </div>
  );
}
