import type { Metadata } from "next";
import Link from "next/link";
import { DocumentMetadataPanel } from "@/components/documents/document-metadata-panel";
import { DocumentWorkbench } from "@/components/workbench/document-workbench";
import { listDocumentAnnotations } from "@/lib/annotations/list-document-annotations";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { listWorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";

type Params = Promise<{ documentId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { documentId } = await params;
  const user = await requirePageUser(`/documents/${documentId}`);
  const document = await getDocument(getDb(), { actor: user, documentId }).catch(() => null);
  return { title: document?.title ?? "Document" };
}

export default async function DocumentPage({ params }: { params: Params }) {
  const { documentId } = await params;
  const user = await requirePageUser(`/documents/${documentId}`);
  const db = getDb();
  const document = await loadOrNotFound(getDocument(db, { actor: user, documentId }));
  const [annotations, tags] = await Promise.all([
    listDocumentAnnotations(db, { actor: user, documentId }),
    listWorkspaceTags(db, { actor: user, workspaceId: document.workspace.id }),
  ]);
  const canAnnotate = roleAtLeast(document.role, "EDITOR");
  return (
    <div className="page page--wide">
      <div className="breadcrumbs">
        <Link href={`/w/${document.workspace.id}`}>{document.workspace.name}</Link> / Document
      </div>
      <h1 className="document-title" id="document-title">
        {document.title}
      </h1>
      <DocumentWorkbench
        key={document.revision.id}
        documentId={document.id}
        revisionId={document.revision.id}
        text={document.revision.text}
        initialAnnotations={annotations}
        tags={tags}
        currentUser={{ id: user.id, name: user.name }}
        canAnnotate={canAnnotate}
        isOwner={document.role === "OWNER"}
        sideHeader={<DocumentMetadataPanel document={document} canEdit={canAnnotate} />}
      />
    </div>
  );
}
