import { requireSessionUser } from "@/lib/auth/session-user";
import { setAssignmentKey } from "@/lib/classroom/set-assignment-key";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";

/** PUT (JSON): `{ annotationIds }` become the answer key (teachers' annotations on the assignment's documents). */
export async function PUT(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { assignmentId } = await params;
    const input = await readJsonBody(request, "the key");
    return setAssignmentKey(getDb(), { actor, assignmentId, input });
  });
}
