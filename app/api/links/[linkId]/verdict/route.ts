import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { setLinkVerdict } from "@/lib/links/set-link-verdict";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ linkId: string }> };

/** PUT (JSON `{ verdict, rationale? }`): decides a contradiction. */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const linkId = routeId((await params).linkId, "link");
    const input = await readJsonBody(request, "the verdict");
    return { link: await setLinkVerdict(getDb(), { actor, linkId, input }) };
  });
}
