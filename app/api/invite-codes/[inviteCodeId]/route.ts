import { requireSessionUser } from "@/lib/auth/session-user";
import { revokeInviteCode } from "@/lib/classroom/invite-codes";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** DELETE: revokes the code (it refuses from then on). Teachers. */
export async function DELETE(request: Request, { params }: { params: Promise<{ inviteCodeId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const inviteCodeId = routeId((await params).inviteCodeId, "invite code");
    await revokeInviteCode(getDb(), { actor, inviteCodeId });
  }, 204);
}
