import { requireSessionUser } from "@/lib/auth/session-user";
import { MAX_FILE_BYTES } from "@/lib/corpus-import/file-kinds";
import { getDb } from "@/lib/db";
import { createDocument } from "@/lib/documents/create-document";
import { importDocumentFile } from "@/lib/documents/import-document-file";
import { DOCUMENT_SORTS, listDocuments } from "@/lib/documents/list-documents";
import { readPastedText } from "@/lib/documents/read-document-text";
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
 * POST (multipart/form-data): the metadata fields, and either `file` (PDF, .docx, .html, TEI .xml,
 * .txt or .md; optionally `encoding` for a text file) or `text` (pasted). Fields left out are taken
 * from the file itself, the title at last from its name. Answers 201 with the new document's id,
 * or an error naming what to fix.
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    // Oversized bodies are refused as they arrive (with room for the metadata fields).
    const form = await readLimitedForm(request, {
      maxBytes: MAX_FILE_BYTES + 256 * 1024,
      tooLarge: `The upload is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split the source into parts and add each as a document.`,
      malformed: "Send the document as a form (multipart/form-data) with a title and a file or text.",
    });
    const file = form.get("file");
    const metadata = readMetadataForm(form);
    if (file instanceof File && file.size > 0) {
      const encoding = form.get("encoding");
      const upload = { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), metadata, ...(typeof encoding === "string" && encoding ? { encoding } : {}) };
      const { documentId } = await importDocumentFile(getDb(), { actor, workspaceId, file: upload });
      return { id: documentId, url: `/documents/${documentId}` };
    }
    const pasted = form.get("text");
    const document = await createDocument(getDb(), { actor, workspaceId, metadata, content: readPastedText(typeof pasted === "string" ? pasted : "") });
    return { id: document.id, url: `/documents/${document.id}` };
  }, 201);
}
