"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { deleteDocument } from "@/lib/documents/delete-document";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { runAction, type ActionResult } from "@/lib/http/action-result";
import { readMetadataForm } from "@/lib/http/read-metadata-form";

export async function updateDocumentMetadataAction(documentId: string, _previous: ActionResult<unknown> | null, formData: FormData) {
  const result = await runAction(async () => {
    const actor = await requireSessionUser();
    await updateDocumentMetadata(getDb(), { actor, documentId, metadata: readMetadataForm(formData) });
  });
  if (result.ok) {
    revalidatePath(`/documents/${documentId}`);
    redirect(`/documents/${documentId}`);
  }
  return result;
}

export async function deleteDocumentAction(documentId: string) {
  const result = await runAction(async () => {
    const actor = await requireSessionUser();
    return deleteDocument(getDb(), { actor, documentId });
  });
  if (result.ok) {
    revalidatePath(`/w/${result.data.workspaceId}`);
    redirect(`/w/${result.data.workspaceId}`);
  }
  return result;
}
