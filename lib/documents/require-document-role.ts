import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

const NOT_FOUND = "That document does not exist or you do not have access to it.";

/**
 * The document's workspace id and the actor's membership there, if their role is at least
 * `minimum`. Someone outside the workspace gets the same NOT_FOUND as for a missing document.
 */
export async function requireDocumentRole(db: DbClient, { userId, documentId, minimum }: { userId: string; documentId: string; minimum: Role }) {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { id: true, workspaceId: true } });
  if (!document) throw new AppError("NOT_FOUND", NOT_FOUND);
  const membership = await requireWorkspaceRole(db, { userId, workspaceId: document.workspaceId, minimum, notFoundMessage: NOT_FOUND });
  return { workspaceId: document.workspaceId, membership };
}
