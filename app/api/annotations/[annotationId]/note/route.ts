import { getAnnotationNote } from "@/lib/annotations/get-annotation-note";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";

type Context = { params: Promise<{ annotationId: string }> };

/** GET: the annotation's whole note (the page sends a long one's opening only). */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    return await getAnnotationNote(getDb(), { actor, annotationId });
  });
}
