import { randomInt } from "node:crypto";
import type { DbClient } from "../db";
import { isUniqueConstraintError } from "../db-errors";
import { AppError } from "../errors";
import { inviteCodeSchema, joinCodeSchema } from "../validations/classroom";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

/** Letters and digits that cannot be misread for one another (no I/1, O/0). */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

export function generateInviteCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A teacher (editor or owner) makes a code that adds whoever uses it as a student, for `days` days. */
export async function createInviteCode(db: DbClient, { actor, workspaceId, input, now = new Date() }: { actor: { id: string }; workspaceId: string; input: unknown; now?: Date }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const { days } = parseInput(inviteCodeSchema, input);
  const expiresAt = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  for (let attempt = 0; ; attempt++) {
    const code = generateInviteCode();
    if (attempt < 5 && (await db.inviteCode.findUnique({ where: { code } }))) continue;
    return db.inviteCode.create({ data: { workspaceId, code, expiresAt, createdById: actor.id } });
  }
}

/** The workspace's codes, newest first, each with whether it still works. Teachers. */
export async function listInviteCodes(db: DbClient, { actor, workspaceId, now = new Date() }: { actor: { id: string }; workspaceId: string; now?: Date }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const codes = await db.inviteCode.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" } });
  return codes.map((c) => ({ ...c, state: c.revokedAt ? ("revoked" as const) : c.expiresAt.getTime() <= now.getTime() ? ("expired" as const) : ("active" as const) }));
}

export async function revokeInviteCode(db: DbClient, { actor, inviteCodeId, now = new Date() }: { actor: { id: string }; inviteCodeId: string; now?: Date }) {
  const invite = await db.inviteCode.findUnique({ where: { id: inviteCodeId } });
  if (!invite) throw new AppError("NOT_FOUND", "That invite code does not exist.");
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId: invite.workspaceId, minimum: "EDITOR", notFoundMessage: "That invite code does not exist." });
  return db.inviteCode.update({ where: { id: invite.id }, data: { revokedAt: invite.revokedAt ?? now } });
}

/**
 * Joins the signed-in user to a class by code. A code only ever makes someone a STUDENT; a
 * person already in the workspace keeps their role (a code never changes anyone's role, up or
 * down). Expired or revoked codes refuse.
 */
export async function joinByInviteCode(db: DbClient, { actor, input, now = new Date() }: { actor: { id: string }; input: unknown; now?: Date }) {
  const { code } = parseInput(joinCodeSchema, input);
  const invite = await db.inviteCode.findUnique({ where: { code }, include: { workspace: { select: { id: true, name: true } } } });
  if (!invite) throw new AppError("NOT_FOUND", "No class has that code. Check it with your teacher.", { code: "No class has that code." });
  if (invite.revokedAt) throw new AppError("FORBIDDEN", "This class code has been withdrawn. Ask your teacher for a new one.", { code: "This code has been withdrawn." });
  if (invite.expiresAt.getTime() <= now.getTime()) throw new AppError("FORBIDDEN", "This class code has expired. Ask your teacher for a new one.", { code: "This code has expired." });
  const existing = await db.membership.findUnique({ where: { userId_workspaceId: { userId: actor.id, workspaceId: invite.workspaceId } } });
  if (existing) return { workspace: invite.workspace, role: existing.role, joined: false };
  try {
    await db.membership.create({ data: { userId: actor.id, workspaceId: invite.workspaceId, role: "STUDENT" } });
  } catch (error) {
    // A second tab joined at the same moment: the person is in, with whatever role that made.
    if (!isUniqueConstraintError(error)) throw error;
    return { workspace: invite.workspace, role: "STUDENT" as const, joined: false };
  }
  await db.inviteCode.update({ where: { id: invite.id }, data: { uses: { increment: 1 } } });
  return { workspace: invite.workspace, role: "STUDENT" as const, joined: true };
}
