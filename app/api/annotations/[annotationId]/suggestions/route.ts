import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";
import { suggestLinks } from "@/lib/search/suggest-links";

type Context = { params: Promise<{ annotationId: string }> };

/** GET: the five passages of other documents that may confirm or contradict the annotation's claim. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    return suggestLinks(getDb(), { actor, annotationId });
  });
}
