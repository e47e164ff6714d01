import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteReply } from "@/lib/replies/delete-reply";

type Context = { params: Promise<{ replyId: string }> };

export async function DELETE(_request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { replyId } = await params;
    await deleteReply(getDb(), { actor, replyId });
  }, 204);
}
