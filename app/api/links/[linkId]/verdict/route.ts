import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { setLinkVerdict } from "@/lib/links/set-link-verdict";

type Context = { params: Promise<{ linkId: string }> };

/** PUT (JSON `{ verdict, rationale? }`): decides a contradiction. */
export async function PUT(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { linkId } = await params;
    const input = await readJsonBody(request, "the verdict");
    return { link: await setLinkVerdict(getDb(), { actor, linkId, input }) };
  });
}
