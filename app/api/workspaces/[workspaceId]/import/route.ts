import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { readLimitedForm } from "@/lib/http/read-limited-form";
import { importFile, MAX_IMPORT_BYTES } from "@/lib/import/import-file";
import { requireWorkspaceRole } from "@/lib/workspaces/require-workspace-role";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

/**
 * POST (multipart/form-data): `file`, a workbench bundle (.zip) or W3C Web Annotation JSON-LD,
 * and for JSON-LD optionally `documentId`, the document to place every annotation on. Answers
 * 201 with the import report (documents created, annotations placed and orphaned, replies, links,
 * warnings), or 422 with `error.details` listing what is wrong; either way nothing is half done.
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const db = getDb();
    // Before reading the upload: only editors of this workspace may make the server hold one.
    await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
    const form = await readLimitedForm(request, {
      maxBytes: MAX_IMPORT_BYTES + 64 * 1024,
      tooLarge: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      malformed: "Send the file as a form (multipart/form-data) with a `file` field.",
    });
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("INVALID_INPUT", "Choose a file to import.", { file: "Choose a file." });
    const documentId = form.get("documentId");
    const report = await importFile(db, {
      actor,
      workspaceId,
      input: { bytes: new Uint8Array(await file.arrayBuffer()), documentId: typeof documentId === "string" && documentId !== "" ? documentId : null },
    });
    return { report };
  }, 201);
}
