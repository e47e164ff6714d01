import { requireSessionUser } from "@/lib/auth/session-user";
import { getRevisionText } from "@/lib/documents/get-revision-text";
import { revisionTextResponse } from "@/lib/documents/revision-text-response";
import { errorResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";

type Context = { params: Promise<{ revisionId: string }> };

/** GET: one text revision (text and page breaks), cacheable by the browser for good (ETag = revision id). */
export async function GET(request: Request, { params }: Context) {
  try {
    const actor = await requireSessionUser(request);
    const revisionId = routeId((await params).revisionId, "text revision");
    return revisionTextResponse(request, await getRevisionText({ actor, revisionId }));
  } catch (error) {
    return errorResponse(error);
  }
}
