import { requireSessionUser } from "@/lib/auth/session-user";
import { listFlagsAt } from "@/lib/classroom/get-class-heatmap";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";

/** GET `?document=<id>&at=<offset>`: which students flagged that character, with which technique, and the key there. Teachers. */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const assignmentId = routeId((await params).assignmentId, "assignment");
    const query = new URL(request.url).searchParams;
    const at = Number(query.get("at") ?? "");
    return listFlagsAt(getDb(), { actor, assignmentId, documentId: query.get("document") ?? "", at });
  });
}
