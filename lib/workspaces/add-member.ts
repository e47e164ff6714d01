import type { DbClient } from "../db";
import { AppError } from "../errors";
import { isUniqueConstraintError } from "../db-errors";
import { addMemberSchema } from "../validations/workspace";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "./require-workspace-role";

/** An owner adds an existing account to the workspace with a role. */
export async function addMember(db: DbClient, { actor, workspaceId, input }: { actor: { id: string }; workspaceId: string; input: unknown }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "OWNER" });
  const { email, role } = parseInput(addMemberSchema, input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) {
    throw new AppError("NOT_FOUND", `No account uses ${email}. Ask them to sign up first, then add them.`, { email: "No account uses this email." });
  }
  const existing = await db.membership.findUnique({ where: { userId_workspaceId: { userId: user.id, workspaceId } } });
  if (existing) throw new AppError("CONFLICT", `${user.name} is already a member.`, { email: "Already a member." });
  return db.membership.create({ data: { userId: user.id, workspaceId, role } }).catch((error: unknown) => {
    if (isUniqueConstraintError(error)) throw new AppError("CONFLICT", `${user.name} is already a member.`, { email: "Already a member." });
    throw error;
  });
}
