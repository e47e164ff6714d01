import { requireSessionUser } from "@/lib/auth/session-user";
import { joinByInviteCode } from "@/lib/classroom/invite-codes";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST (JSON): `{ code }` → `{ workspace, role, joined }`: joins the class as a student (a member keeps their role). */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const input = await readJsonBody(request, "the class code");
    return joinByInviteCode(getDb(), { actor, input });
  });
}
