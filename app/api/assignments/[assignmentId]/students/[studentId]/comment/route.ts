import { requireSessionUser } from "@/lib/auth/session-user";
import { commentOnSubmission } from "@/lib/classroom/review-submission";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** PUT (JSON): `{ comment }`: the teacher's comment, shown to the student with the released results. */
export async function PUT(request: Request, { params }: { params: Promise<{ assignmentId: string; studentId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const ids = await params;
    const assignmentId = routeId(ids.assignmentId, "assignment");
    const studentId = routeId(ids.studentId, "student");
    const input = await readJsonBody(request, "the comment");
    const submission = await commentOnSubmission(getDb(), { actor, assignmentId, studentId, input });
    return { comment: submission.teacherComment };
  });
}
