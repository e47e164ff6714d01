import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import { listWorkspaceTags } from "@/lib/tags/list-workspace-tags";
import { routeId } from "@/lib/http/route-id";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    return listWorkspaceTags(getDb(), { actor, workspaceId });
  });
}

/** POST (JSON `{ name, description?, colour? }`): a custom tag. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    assertSameOrigin(request);
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    const input = await readJsonBody(request, "the tag");
    return { tag: await createCustomTag(getDb(), { actor, workspaceId, input }) };
  }, 201);
}
