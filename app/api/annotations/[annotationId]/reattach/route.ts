import { reattachAnnotation } from "@/lib/annotations/reattach-annotation";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ annotationId: string }> };

/** POST (JSON `{ revisionId, start, end, exact }`): places an orphaned annotation on a new span. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    const input = await readJsonBody(request, "the new span");
    // One transaction: the revision check and the write cannot straddle a text revision.
    return { annotation: await getDb().$transaction((tx) => reattachAnnotation(tx, { actor, annotationId, input })) };
  });
}
