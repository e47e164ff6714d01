import type { Metadata } from "next";
import Link from "next/link";
import { DocumentMetadataPanel } from "@/components/documents/document-metadata-panel";
import { DocumentText } from "@/components/documents/document-text";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
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
  const document = await loadOrNotFound(getDocument(getDb(), { actor: user, documentId }));
  return (
    <div className="page">
      <div className="breadcrumbs">
        <Link href={`/w/${document.workspace.id}`}>{document.workspace.name}</Link> / Document
      </div>
      <div className="document-layout">
        <article aria-labelledby="document-title">
          <h1 className="document-title" id="document-title">
            {document.title}
          </h1>
          <DocumentText text={document.revision.text} />
        </article>
        <DocumentMetadataPanel document={document} canEdit={roleAtLeast(document.role, "EDITOR")} />
      </div>
    </div>
  );
}
