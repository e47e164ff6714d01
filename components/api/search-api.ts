import type { searchWorkspace as searchWorkspaceService } from "@/lib/search/search-workspace";
import type { SearchScope } from "@/lib/validations/search";
import { callApi } from "./call-api";
import { query, segment, type Answer } from "./wire";

/** GET /api/workspaces/:id/search (the search page's own parameters; see lib/validations/search.ts) */
export function searchWorkspace(workspaceId: string, parameters: { q: string; scope?: SearchScope }) {
  return callApi<Answer<typeof searchWorkspaceService>>(`/api/workspaces/${segment(workspaceId)}/search?${query({ scope: parameters.scope, q: parameters.q })}`);
}
