import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteReply } from "@/lib/replies/delete-reply";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ replyId: string }> };

export async function DELETE(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const replyId = routeId((await params).replyId, "reply");
    await deleteReply(getDb(), { actor, replyId });
  }, 204);
}
