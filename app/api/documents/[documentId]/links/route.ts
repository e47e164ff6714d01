import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { listDocumentLinks } from "@/lib/links/list-document-links";
import { routeId } from "@/lib/http/route-id";

type Context = { params: Promise<{ documentId: string }> };

/** GET: the links touching this document's annotations that you can see (both ends). */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    return { links: await listDocumentLinks(getDb(), { actor, documentId }) };
  });
}
