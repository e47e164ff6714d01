import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createLink } from "@/lib/links/create-link";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** POST (JSON `{ sourceAnnotationId, targetAnnotationId, type, note? }`): links two annotations. */
export async function POST(request: Request) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const input = await readJsonBody(request, "the link");
    return { link: await createLink(getDb(), { actor, input }) };
  }, 201);
}
