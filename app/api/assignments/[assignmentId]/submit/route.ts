import { requireSessionUser } from "@/lib/auth/session-user";
import { submitAssignment } from "@/lib/classroom/submit-assignment";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST: a student hands in their work; it locks until the teacher reopens it. */
export async function POST(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const submission = await submitAssignment(getDb(), { actor, assignmentId });
    return { submittedAt: submission.submittedAt };
  });
}
