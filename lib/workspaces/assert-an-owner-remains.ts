import type { DbClient } from "../db";
import { AppError } from "../errors";

/**
 * Throws CONFLICT when the workspace has no owner left. Called inside the transaction that
 * demoted or removed one, after that write: the write holds SQLite's lock until commit, so two
 * owners stepping down at once cannot both see the other still there.
 */
export async function assertAnOwnerRemains(tx: DbClient, workspaceId: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
  if (owners === 0) throw new AppError("CONFLICT", "A workspace needs at least one owner. Make someone else an owner first.");
}
