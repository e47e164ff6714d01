import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { listDocumentLinks } from "@/lib/links/list-document-links";

type Context = { params: Promise<{ documentId: string }> };

/** GET: the links touching this document's annotations that you can see (both ends). */
export async function GET(_request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { documentId } = await params;
    return { links: await listDocumentLinks(getDb(), { actor, documentId }) };
  });
}
