import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { importFile, MAX_IMPORT_BYTES } from "@/lib/import/import-file";

type Context = { params: Promise<{ workspaceId: string }> };

/**
 * POST (multipart/form-data): `file`, a workbench bundle (.zip) or W3C Web Annotation JSON-LD,
 * and for JSON-LD optionally `documentId`, the document to place every annotation on. Answers
 * 201 with the import report (documents created, annotations placed and orphaned, replies, links,
 * warnings), or 422 with `error.details` listing what is wrong; either way nothing is half done.
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { workspaceId } = await params;
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_IMPORT_BYTES + 64 * 1024) throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("INVALID_INPUT", "Send the file as a form (multipart/form-data) with a `file` field.");
    }
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("INVALID_INPUT", "Choose a file to import.", { file: "Choose a file." });
    const documentId = form.get("documentId");
    const report = await importFile(getDb(), {
      actor,
      workspaceId,
      input: { bytes: new Uint8Array(await file.arrayBuffer()), documentId: typeof documentId === "string" && documentId !== "" ? documentId : null },
    });
    return { report };
  }, 201);
}
