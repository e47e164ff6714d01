import { requireSessionUser } from "@/lib/auth/session-user";
import { reopenSubmission } from "@/lib/classroom/review-submission";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";

/** POST: the teacher reopens a student's submitted work. */
export async function POST(_request: Request, { params }: { params: Promise<{ assignmentId: string; studentId: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { assignmentId, studentId } = await params;
    const submission = await reopenSubmission(getDb(), { actor, assignmentId, studentId });
    return { reopenedAt: submission.reopenedAt };
  });
}
