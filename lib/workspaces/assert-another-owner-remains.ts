import type { DbClient } from "../db";
import { AppError } from "../errors";

/** Throws CONFLICT when `userId` is the workspace's only owner: a workspace always keeps one. */
export async function assertAnotherOwnerRemains(db: DbClient, workspaceId: string, userId: string) {
  const owners = await db.membership.count({ where: { workspaceId, role: "OWNER", userId: { not: userId } } });
  if (owners === 0) throw new AppError("CONFLICT", "A workspace needs at least one owner. Make someone else an owner first.");
}
