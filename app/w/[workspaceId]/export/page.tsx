import type { Metadata } from "next";
import Link from "next/link";
import { ExportPanel } from "@/components/export/export-panel";
import { ImportPanel } from "@/components/export/import-panel";
import { getDb } from "@/lib/db";
import { listDocuments } from "@/lib/documents/list-documents";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { listWorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { getWorkspace } from "@/lib/workspaces/get-workspace";
import { listMembers } from "@/lib/workspaces/list-members";
import { roleAtLeast, ROLE_LABEL } from "@/lib/workspaces/require-workspace-role";

export const metadata: Metadata = { title: "Export & import" };

export default async function ExportPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const user = await requirePageUser(`/w/${workspaceId}/export`);
  const db = getDb();
  const workspace = await loadOrNotFound(getWorkspace(db, { actor: user, workspaceId }));
  const [documents, tags, members] = await Promise.all([
    listDocuments(db, { actor: user, workspaceId, sort: "date" }),
    listWorkspaceTags(db, { actor: user, workspaceId }),
    listMembers(db, { actor: user, workspaceId }),
  ]);
  const canImport = roleAtLeast(workspace.role, "EDITOR");

  return (
    <div className="page">
      <div className="breadcrumbs">
        <Link href={`/w/${workspaceId}`}>{workspace.name}</Link> / Export &amp; import
      </div>
      <div className="page-header">
        <div>
          <h1>Export &amp; import</h1>
          <p>Take an annotated set out for a paper&apos;s appendix, a class hand-in or another tool; bring one in from another workspace or installation.</p>
        </div>
      </div>
      <div className="stack">
        <ExportPanel
          workspaceId={workspaceId}
          documents={documents.map((d) => ({ id: d.id, title: d.title, dateText: d.dateText, annotationCount: d.annotationCount }))}
          techniques={tags.techniques.map((t) => ({ id: t.id, name: t.name }))}
          tags={tags.custom.map((t) => ({ id: t.id, name: t.name }))}
          members={members.map((m) => ({ id: m.userId, name: m.name }))}
        />
        {canImport ? (
          <ImportPanel workspaceId={workspaceId} documents={documents.map((d) => ({ id: d.id, title: d.title }))} />
        ) : (
          <section className="card">
            <h2>Import</h2>
            <p className="muted">You are a {ROLE_LABEL[workspace.role]} here; an editor or owner can import into this workspace.</p>
          </section>
        )}
      </div>
    </div>
  );
}
