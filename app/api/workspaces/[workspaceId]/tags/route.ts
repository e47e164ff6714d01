import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createCustomTag } from "@/lib/tags/create-custom-tag";
import { listWorkspaceTags } from "@/lib/tags/list-workspace-tags";

type Context = { params: Promise<{ workspaceId: string }> };

export async function GET(_request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { workspaceId } = await params;
    return listWorkspaceTags(getDb(), { actor, workspaceId });
  });
}

/** POST (JSON `{ name, description?, colour? }`): a custom tag. */
export async function POST(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser();
    const { workspaceId } = await params;
    const input = await readJsonBody(request, "the tag");
    return { tag: await createCustomTag(getDb(), { actor, workspaceId, input }) };
  }, 201);
}
