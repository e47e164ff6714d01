import { requireSessionUser } from "@/lib/auth/session-user";
import { listWorkspaceAssignments } from "@/lib/classroom/list-assignments";
import { saveAssignment } from "@/lib/classroom/save-assignment";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

/** GET: the workspace's assignments (teachers: all, with progress; students: the opened ones, with their state). */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    return listWorkspaceAssignments(getDb(), { actor, workspaceId });
  });
}

/** POST (JSON): `{ title, instructions?, documentIds, markKinds, opensAt?, dueAt? }` → 201 `{ assignment }`. Teachers. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const input = await readJsonBody(request, "the assignment");
    return { assignment: await saveAssignment(getDb(), { actor, workspaceId, input }) };
  }, 201);
}
