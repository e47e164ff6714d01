import type { DbClient } from "../db";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

/**
 * The workspace's taxonomy for pickers: kind labels and colours, the techniques of the taxonomy
 * the workspace teaches with, and its custom tags (archived ones left out).
 */
export async function listWorkspaceTags(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { techniqueTaxonomy: true } });
  const tags = await db.tag.findMany({
    where: { workspaceId, archived: false, OR: [{ category: { in: ["KIND", "CUSTOM"] } }, { category: "TECHNIQUE", taxonomy: workspace.techniqueTaxonomy }] },
    orderBy: [{ category: "asc" }, { position: "asc" }, { name: "asc" }],
    select: { id: true, category: true, key: true, name: true, description: true, colour: true, kind: true },
  });
  return {
    taxonomy: workspace.techniqueTaxonomy,
    kinds: tags.filter((t) => t.category === "KIND"),
    techniques: tags.filter((t) => t.category === "TECHNIQUE"),
    custom: tags.filter((t) => t.category === "CUSTOM"),
  };
}

export type WorkspaceTags = Awaited<ReturnType<typeof listWorkspaceTags>>;
