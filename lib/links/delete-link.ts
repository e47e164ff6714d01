import type { DbClient } from "../db";
import { AppError } from "../errors";
import { requireLinkAccess } from "./require-link-access";

/** Removes a link (the annotations stay). Its author or a workspace owner. */
export async function deleteLink(db: DbClient, { actor, linkId }: { actor: { id: string }; linkId: string }) {
  const { link, membership } = await requireLinkAccess(db, { userId: actor.id, linkId, minimum: "EDITOR" });
  if (link.authorId !== actor.id && membership.role !== "OWNER") throw new AppError("FORBIDDEN", "Only the link's author or a workspace owner can remove it.");
  await db.annotationLink.delete({ where: { id: linkId } });
}
