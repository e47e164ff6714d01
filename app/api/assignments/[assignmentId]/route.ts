import { requireSessionUser } from "@/lib/auth/session-user";
import { getAssignment } from "@/lib/classroom/get-assignment";
import { saveAssignment } from "@/lib/classroom/save-assignment";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ assignmentId: string }> };

/** GET: the assignment; teachers also get the key's candidates and the class's progress, students their own state. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    return { assignment: await getAssignment(getDb(), { actor, assignmentId }) };
  });
}

/** PUT (JSON): the same fields as creating; replaces them. Teachers. */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const input = await readJsonBody(request, "the assignment");
    return { assignment: await saveAssignment(getDb(), { actor, assignmentId, input }) };
  });
}
