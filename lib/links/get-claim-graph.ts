import type { DbClient } from "../db";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { LINK_VIEW_INCLUDE, linkVisibleTo, toLinkView } from "./link-view";

/** The workspace's web of links: documents, the annotations that are link ends, and the links. */
export async function getClaimGraph(db: DbClient, { actor, workspaceId }: { actor: { id: string }; workspaceId: string }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const rows = await db.annotationLink.findMany({ where: { AND: [{ workspaceId }, linkVisibleTo(actor.id)] }, include: LINK_VIEW_INCLUDE, orderBy: { createdAt: "asc" } });
  const links = rows.map(toLinkView);
  const documents = new Map<string, { id: string; title: string; dateText: string | null }>();
  const annotations = new Map<string, { id: string; documentId: string; exact: string; kind: string }>();
  for (const link of links) {
    for (const end of [link.source, link.target]) {
      documents.set(end.document.id, end.document);
      annotations.set(end.id, { id: end.id, documentId: end.documentId, exact: end.exact, kind: end.kind });
    }
  }
  return { documents: [...documents.values()], annotations: [...annotations.values()], links };
}

export type ClaimGraph = Awaited<ReturnType<typeof getClaimGraph>>;
