import type { DbClient } from "../db";

/** The workspaces the user belongs to, with their role and document count, oldest first. */
export async function listUserWorkspaces(db: DbClient, { actor }: { actor: { id: string } }) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    include: { workspace: { include: { _count: { select: { documents: true, memberships: true } } } } },
  });
  return memberships.map((m) => ({
    id: m.workspace.id,
    name: m.workspace.name,
    description: m.workspace.description,
    role: m.role,
    documentCount: m.workspace._count.documents,
    memberCount: m.workspace._count.memberships,
  }));
}
