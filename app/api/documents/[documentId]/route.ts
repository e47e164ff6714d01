import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { deleteDocument } from "@/lib/documents/delete-document";
import { getDocument } from "@/lib/documents/get-document";
import { updateDocumentMetadata } from "@/lib/documents/update-document-metadata";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ documentId: string }> };

/** GET: the document's metadata and current text revision. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    return { document: await getDocument(getDb(), { actor, documentId }) };
  });
}

/** PATCH (JSON): replaces the document's metadata with the fields given. */
export async function PATCH(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    const metadata = await readJsonBody(request, "the metadata");
    const document = await updateDocumentMetadata(getDb(), { actor, documentId, metadata });
    return { id: document.id };
  });
}

/** DELETE: removes the document with its annotations. */
export async function DELETE(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    await deleteDocument(getDb(), { actor, documentId });
  }, 204);
}
