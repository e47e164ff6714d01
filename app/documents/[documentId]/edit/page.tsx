import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteDocumentButton } from "@/components/documents/delete-document-button";
import { EditMetadataForm } from "@/components/documents/edit-metadata-form";
import { getDb } from "@/lib/db";
import { getDocument } from "@/lib/documents/get-document";
import { loadOrNotFound, requirePageUser } from "@/lib/http/page-access";
import { roleAtLeast } from "@/lib/workspaces/require-workspace-role";
import { deleteDocumentAction, updateDocumentMetadataAction } from "./actions";

export const metadata: Metadata = { title: "Edit metadata" };

export default async function EditDocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const user = await requirePageUser(`/documents/${documentId}/edit`);
  const document = await loadOrNotFound(getDocument(getDb(), { actor: user, documentId }));
  if (!roleAtLeast(document.role, "EDITOR")) notFound();
  const { revision: _revision, workspace, createdBy: _createdBy, annotationCount, ...values } = document;

  return (
    <div className="page" style={{ maxWidth: 880 }}>
      <div className="breadcrumbs">
        <Link href={`/w/${workspace.id}`}>{workspace.name}</Link> / <Link href={`/documents/${documentId}`}>Document</Link> / Edit metadata
      </div>
      <h1>Edit metadata</h1>
      <EditMetadataForm action={updateDocumentMetadataAction.bind(null, documentId)} values={values} />
      <section className="form-section" style={{ marginTop: 32, borderColor: "#e9b7b0" }} aria-labelledby="danger-title">
        <h2 id="danger-title">Delete</h2>
        <p className="muted">Removes the document, its text revisions and every annotation on it.</p>
        <DeleteDocumentButton title={document.title} annotationCount={annotationCount} action={deleteDocumentAction.bind(null, documentId)} />
      </section>
    </div>
  );
}
