import type { DbClient } from "../db";
import { requireAssignment } from "./require-assignment";

/**
 * Releases an assignment's results (students then see the key beside their own work, and work
 * stops) or withdraws the release. Teachers only.
 */
export async function releaseResults(db: DbClient, { actor, assignmentId, released, now = new Date() }: { actor: { id: string }; assignmentId: string; released: boolean; now?: Date }) {
  await requireAssignment(db, { userId: actor.id, assignmentId, asTeacher: true });
  return db.assignment.update({ where: { id: assignmentId }, data: { releasedAt: released ? now : null } });
}
