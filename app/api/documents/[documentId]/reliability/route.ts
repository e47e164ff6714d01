import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { getReliabilitySummary } from "@/lib/documents/get-reliability-summary";
import { rateDocumentReliability } from "@/lib/documents/rate-document-reliability";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ documentId: string }> };

/** GET: the reliability summary derived from verdicts, with the evidence and any manual rating. */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    return getReliabilitySummary(getDb(), { actor, documentId });
  });
}

/** PUT (JSON `{ rating: 1..5, reason }` or `{ rating: null }`): a manual rating that overrides it. */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const documentId = routeId((await params).documentId, "document");
    await rateDocumentReliability(getDb(), { actor, documentId, input: await readJsonBody(request, "the rating") });
    return getReliabilitySummary(getDb(), { actor, documentId });
  });
}
