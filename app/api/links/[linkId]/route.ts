import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteLink } from "@/lib/links/delete-link";

type Context = { params: Promise<{ linkId: string }> };

export async function DELETE(_request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { linkId } = await params;
    await deleteLink(getDb(), { actor, linkId });
  }, 204);
}
