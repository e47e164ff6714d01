import { requireSessionUser } from "@/lib/auth/session-user";
import { submitAssignment } from "@/lib/classroom/submit-assignment";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";

/** POST: a student hands in their work; it locks until the teacher reopens it. */
export async function POST(_request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { assignmentId } = await params;
    const submission = await submitAssignment(getDb(), { actor, assignmentId });
    return { submittedAt: submission.submittedAt };
  });
}
