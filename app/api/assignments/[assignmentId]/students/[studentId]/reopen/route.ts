import { requireSessionUser } from "@/lib/auth/session-user";
import { reopenSubmission } from "@/lib/classroom/review-submission";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST: the teacher reopens a student's submitted work. */
export async function POST(request: Request, { params }: { params: Promise<{ assignmentId: string; studentId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const ids = await params;
    const assignmentId = routeId(ids.assignmentId, "assignment");
    const studentId = routeId(ids.studentId, "student");
    const submission = await reopenSubmission(getDb(), { actor, assignmentId, studentId });
    return { reopenedAt: submission.reopenedAt };
  });
}
