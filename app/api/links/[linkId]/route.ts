import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { deleteLink } from "@/lib/links/delete-link";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ linkId: string }> };

export async function DELETE(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const linkId = routeId((await params).linkId, "link");
    await deleteLink(getDb(), { actor, linkId });
  }, 204);
}
