import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { linkToPassage } from "@/lib/links/link-to-passage";

type Context = { params: Promise<{ annotationId: string }> };

/**
 * POST (JSON `{ type, note?, target: { annotationId } | { documentId, revisionId, start, end, exact } }`):
 * links the annotation to a passage in one request, annotating the passage's words first when no
 * annotation is named. 201 with `{ link, annotation }` (`annotation` null when one was named).
 */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const sourceAnnotationId = routeId((await params).annotationId, "annotation");
    const input = await readJsonBody(request, "the link");
    return linkToPassage(getDb(), { actor, sourceAnnotationId, input });
  }, 201);
}
