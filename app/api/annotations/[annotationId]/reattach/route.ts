import { reattachAnnotation } from "@/lib/annotations/reattach-annotation";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ annotationId: string }> };

/** POST (JSON `{ revisionId, start, end, exact }`): places an orphaned annotation on a new span. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { annotationId } = await params;
    const input = await readJsonBody(request, "the new span");
    // One transaction: the revision check and the write cannot straddle a text revision.
    return { annotation: await getDb().$transaction((tx) => reattachAnnotation(tx, { actor, annotationId, input })) };
  });
}
