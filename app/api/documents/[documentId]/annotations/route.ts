import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listDocumentAnnotations } from "@/lib/annotations/list-document-annotations";
import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ documentId: string }> };

/** GET: the annotations on the document that you may see, in text order. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    return { annotations: await listDocumentAnnotations(getDb(), { actor, documentId }) };
  });
}

/** POST (JSON): `{ revisionId, start, end, exact, kind, techniqueId?, verdict?, confidence?, note?, visibility?, tagIds? }`. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    const input = await readJsonBody(request, "the annotation");
    // One transaction: the revision check and the write cannot straddle a text revision.
    return { annotation: await getDb().$transaction((tx) => createAnnotation(tx, { actor, documentId, input })) };
  }, 201);
}
