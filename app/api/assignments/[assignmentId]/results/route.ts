import { requireSessionUser } from "@/lib/auth/session-user";
import { getAssignmentResults, resultsCsv } from "@/lib/classroom/get-assignment-results";
import { getDb } from "@/lib/db";
import { errorResponse, jsonResponse } from "@/lib/http/json-response";
import { slug } from "@/lib/export/export-stream";
import { routeId } from "@/lib/http/route-id";

/** GET: the results (scores, per technique, confusion, agreement, pairwise F1); `?format=csv` for the table as CSV. Teachers. */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  const format = new URL(request.url).searchParams.get("format");
  if (format !== "csv") {
    return jsonResponse(async () => {
      const actor = await requireSessionUser(request);
      const assignmentId = routeId((await params).assignmentId, "assignment");
      return getAssignmentResults(getDb(), { actor, assignmentId });
    });
  }
  try {
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const results = await getAssignmentResults(getDb(), { actor, assignmentId });
    return new Response(resultsCsv(results), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${slug(results.assignment.title) || "assignment"}-results.csv"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
