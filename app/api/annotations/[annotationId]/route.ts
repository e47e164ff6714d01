import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ annotationId: string }> };

/** PATCH (JSON): changes kind, technique, verdict, confidence, note, visibility or tags. Author only. */
export async function PATCH(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    const input = await readJsonBody(request, "the changes");
    return { annotation: await updateAnnotation(getDb(), { actor, annotationId, input }) };
  });
}

/** DELETE: removes the annotation, its replies and its links. Author or workspace owner. */
export async function DELETE(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    return deleteAnnotation(getDb(), { actor, annotationId });
  });
}
