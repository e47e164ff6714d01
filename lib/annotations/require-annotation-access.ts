import { assertMayAnnotate } from "../classroom/assert-may-annotate";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import type { Role } from "../generated/prisma/enums";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";
import { visibleTo } from "./annotation-view";

const NOT_FOUND = "That annotation does not exist or you cannot see it.";

/**
 * An annotation the actor may see (a member of its workspace for whom `visibleTo` holds), with the
 * actor's membership. Anything else is NOT_FOUND, so private annotations and a classmate's work
 * cannot be probed. `mustBeAuthor` also requires the actor to have written it (editing); with
 * `ownerMayAct` a workspace owner passes too (moderation: deleting). A student changing their own
 * annotation (`minimum` EDITOR with `mustBeAuthor`) passes while their assignment is open to them.
 */
export async function requireAnnotationAccess(
  db: DbClient,
  { userId, annotationId, minimum = "VIEWER", mustBeAuthor = false, ownerMayAct = false }: {
    userId: string;
    annotationId: string;
    minimum?: Role;
    mustBeAuthor?: boolean;
    ownerMayAct?: boolean;
  },
) {
  const annotation = await db.annotation.findUnique({ where: { id: annotationId } });
  if (!annotation) throw new AppError("NOT_FOUND", NOT_FOUND);
  const isAuthor = annotation.authorId === userId;
  // Someone else's private annotation does not exist for this user, whatever their role.
  if (annotation.visibility === "PRIVATE" && !isAuthor) throw new AppError("NOT_FOUND", NOT_FOUND);
  // Nor does a classmate's work or an unreleased key for a student (checked before the role, so
  // a student cannot tell "hidden" from "not allowed").
  if (!isAuthor && (await db.annotation.count({ where: { id: annotationId, ...visibleTo(userId) } })) === 0) {
    throw new AppError("NOT_FOUND", NOT_FOUND);
  }
  const studentEditsOwn = mustBeAuthor && isAuthor && minimum === "EDITOR";
  const membership = await requireWorkspaceRole(db, { userId, workspaceId: annotation.workspaceId, minimum: studentEditsOwn ? "VIEWER" : minimum, notFoundMessage: NOT_FOUND });
  if (studentEditsOwn) await assertMayAnnotate(db, { membership, documentId: annotation.documentId });
  if (mustBeAuthor && !isAuthor && !(ownerMayAct && membership.role === "OWNER")) {
    throw new AppError("FORBIDDEN", "Only its author can change this annotation.");
  }
  return { annotation, membership, isAuthor };
}
