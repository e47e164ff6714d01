import { requireSessionUser } from "@/lib/auth/session-user";
import { revokeInviteCode } from "@/lib/classroom/invite-codes";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";

/** DELETE: revokes the code (it refuses from then on). Teachers. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ inviteCodeId: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { inviteCodeId } = await params;
    await revokeInviteCode(getDb(), { actor, inviteCodeId });
  }, 204);
}
