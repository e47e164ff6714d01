import { requireSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db";
import { jsonResponse } from "@/lib/http/json-response";
import { routeId } from "@/lib/http/route-id";
import { searchWorkspace } from "@/lib/search/search-workspace";
import { parseSearchParams } from "@/lib/validations/search";

type Context = { params: Promise<{ workspaceId: string }> };

/**
 * GET: search the workspace's texts, annotations, replies and links (what you may see).
 * `?q=…&page=&scope=all|text|annotations&source=&language=&docAuthor=&from=&to=&kind=&technique=&verdict=&tag=&author=&document=`.
 */
export async function GET(request: Request, { params }: Context) {
  return jsonResponse(async () => {
    const actor = await requireSessionUser(request);
    const workspaceId = routeId((await params).workspaceId, "workspace");
    return searchWorkspace(getDb(), { actor, workspaceId, input: parseSearchParams(new URL(request.url).searchParams) });
  });
}
