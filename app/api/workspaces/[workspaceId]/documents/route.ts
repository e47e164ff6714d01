import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { createDocument } from "@/lib/documents/create-document";
import { DOCUMENT_SORTS, listDocuments } from "@/lib/documents/list-documents";
import { MAX_DOCUMENT_BYTES, readPastedText, readUploadedText } from "@/lib/documents/read-document-text";
import { jsonResponse } from "@/lib/http/json-response";
import { readLimitedForm } from "@/lib/http/read-limited-form";
import { readMetadataForm } from "@/lib/http/read-metadata-form";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

/** GET: the workspace's documents with metadata. `?sort=date|title|kind|added&dir=asc|desc`. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const query = new URL(request.url).searchParams;
    const sort = DOCUMENT_SORTS.find((s) => s === query.get("sort")) ?? "date";
    const documents = await listDocuments(getDb(), { actor, workspaceId, sort, direction: query.get("dir") === "desc" ? "desc" : "asc" });
    return { documents };
  });
}

/**
 * POST (multipart/form-data): the metadata fields, and either `file` (a .txt or .md upload) or
 * `text` (pasted). Answers 201 with the new document's id, or an error naming what to fix.
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    // Oversized bodies are refused as they arrive (with room for the metadata fields).
    const form = await readLimitedForm(request, {
      maxBytes: MAX_DOCUMENT_BYTES + 256 * 1024,
      tooLarge: "The upload is larger than 5 MB. Split the text into parts and add each as a document.",
      malformed: "Send the document as a form (multipart/form-data) with a title and a file or text.",
    });
    const file = form.get("file");
    const pasted = form.get("text");
    const content =
      file instanceof File && file.size > 0
        ? readUploadedText(file.name, new Uint8Array(await file.arrayBuffer()))
        : readPastedText(typeof pasted === "string" ? pasted : "");
    const document = await createDocument(getDb(), { actor, workspaceId, metadata: readMetadataForm(form), content });
    return { id: document.id, url: `/documents/${document.id}` };
  }, 201);
}
