import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { addReply } from "@/lib/replies/add-reply";
import { listReplies } from "@/lib/replies/list-replies";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ annotationId: string }> };

export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    return { replies: await listReplies(getDb(), { actor, annotationId }) };
  });
}

/** POST (JSON `{ body }`): adds a reply to the discussion. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const annotationId = routeId((await params).annotationId, "annotation");
    const input = await readJsonBody(request, "the reply");
    return { reply: await addReply(getDb(), { actor, annotationId, input }) };
  }, 201);
}
