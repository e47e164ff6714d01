import { requireSessionUser } from "@/lib/auth/session-user";
import { createInviteCode, listInviteCodes } from "@/lib/classroom/invite-codes";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

/** GET: the workspace's invite codes. Teachers. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    return { inviteCodes: await listInviteCodes(getDb(), { actor, workspaceId }) };
  });
}

/** POST (JSON): `{ days }` (1–90) → 201 `{ inviteCode }`: a code that adds whoever uses it as a student. Teachers. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const input = await readJsonBody(request, "the invite code");
    return { inviteCode: await createInviteCode(getDb(), { actor, workspaceId, input }) };
  }, 201);
}
