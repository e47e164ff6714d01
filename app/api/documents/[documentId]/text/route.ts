import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { reviseDocumentText } from "@/lib/documents/revise-document-text";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ documentId: string }> };

/**
 * PUT (JSON `{ baseRevisionId, text, note? }`): saves an edited text as a new revision and
 * re-anchors the annotations; answers the counts of exact, moved, fuzzy and orphaned ones.
 */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    const input = await readJsonBody(request, "the revised text");
    return reviseDocumentText(getDb(), { actor, documentId, input });
  });
}
