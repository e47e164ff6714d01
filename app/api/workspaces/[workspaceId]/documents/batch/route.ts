import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { importDocumentFiles } from "@/lib/documents/import-document-files";
import { jsonResponse } from "@/lib/http/json-response";
import { readBatchForm } from "@/lib/http/read-batch-form";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

/**
 * POST (multipart/form-data): many `file` fields (any supported format, or a .zip of them with an
 * optional manifest.json or metadata.csv), optional `metadata` (JSON: file name → fields),
 * `encodings` (JSON: file name → encoding) and `include` (JSON: the file names to read, for part of a ZIP) and `dryRun=1` (read and preview, store nothing).
 * Answers 200 with `{ results }`, one per file: stored (with its id) or refused (with the reason).
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const batch = await readBatchForm(request);
    return importDocumentFiles(getDb(), { actor, workspaceId, ...batch });
  });
}
