import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { linkVisibleTo } from "./link-view";

const NOT_FOUND = "That link does not exist or you cannot see it.";

/** A link whose both ends the actor can see, with their membership (at least `minimum`). */
export async function requireLinkAccess(db: DbClient, { userId, linkId, minimum }: { userId: string; linkId: string; minimum: Role }) {
  const link = await db.annotationLink.findFirst({ where: { id: linkId, ...linkVisibleTo(userId) } });
  if (!link) throw new AppError("NOT_FOUND", NOT_FOUND);
  const membership = await requireWorkspaceRole(db, { userId, workspaceId: link.workspaceId, minimum, notFoundMessage: NOT_FOUND });
  return { link, membership };
}
