import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ annotationId: string }> };

/** PATCH (JSON): changes kind, technique, verdict, confidence, note, visibility or tags. Author only. */
export async function PATCH(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { annotationId } = await params;
    const input = await readJsonBody(request, "the changes");
    return { annotation: await updateAnnotation(getDb(), { actor, annotationId, input }) };
  });
}

/** DELETE: removes the annotation, its replies and its links. Author or workspace owner. */
export async function DELETE(_request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { annotationId } = await params;
    return deleteAnnotation(getDb(), { actor, annotationId });
  });
}
