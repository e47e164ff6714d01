import type { DbClient } from "../db";
import type { ContradictionVerdict } from "../generated/prisma/enums";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { LINK_VIEW_INCLUDE, linkVisibleTo, toLinkView } from "./link-view";

export interface ContradictionFilter {
  documentId?: string;
  verdict?: ContradictionVerdict | "DECIDED";
  authorId?: string;
}

/** The workspace's contradictions the actor can see, for the board; newest first. */
export async function listContradictions(db: DbClient, { actor, workspaceId, filter = {} }: { actor: { id: string }; workspaceId: string; filter?: ContradictionFilter }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "VIEWER" });
  const rows = await db.annotationLink.findMany({
    where: {
      AND: [
        { workspaceId, type: "CONTRADICTS" },
        linkVisibleTo(actor.id),
        filter.documentId ? { OR: [{ source: { documentId: filter.documentId } }, { target: { documentId: filter.documentId } }] } : {},
        filter.verdict === "DECIDED" ? { verdict: { not: "UNRESOLVED" } } : filter.verdict ? { verdict: filter.verdict } : {},
        filter.authorId ? { OR: [{ authorId: filter.authorId }, { verdictById: filter.authorId }] } : {},
      ],
    },
    include: LINK_VIEW_INCLUDE,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toLinkView);
}
