import { requireSessionUser } from "@/lib/auth/session-user";
import { setAssignmentKey } from "@/lib/classroom/set-assignment-key";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** PUT (JSON): `{ annotationIds }` become the answer key (teachers' annotations on the assignment's documents). */
export async function PUT(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const input = await readJsonBody(request, "the key");
    return setAssignmentKey(getDb(), { actor, assignmentId, input });
  });
}
