import { requireSessionUser } from "@/lib/auth/session-user";
import { releaseResults } from "@/lib/classroom/release-results";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { releaseResultsSchema } from "@/lib/validations/classroom";
import { parseInput } from "@/lib/validations/parse-input";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** PUT (JSON): `{ released: true | false }`: releases the results to the students, or withdraws them. Teachers. */
export async function PUT(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const { released } = parseInput(releaseResultsSchema, await readJsonBody(request, "the release"));
    const assignment = await releaseResults(getDb(), { actor, assignmentId, released });
    return { releasedAt: assignment.releasedAt };
  });
}
