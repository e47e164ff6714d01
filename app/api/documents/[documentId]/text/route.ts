import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ documentId: string }> };

/**
 * PUT (JSON `{ baseRevisionId, text, note? }`): saves an edited text as a new revision and
 * re-anchors the annotations; answers the counts of exact, moved, fuzzy and orphaned ones.
 */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { documentId } = await params;
    const input = await readJsonBody(request, "the revised text");
    return reviseDocumentText(getDb(), { actor, documentId, input });
  });
}
