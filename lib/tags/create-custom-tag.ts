import { z } from "zod";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import { isUniqueConstraintError } from "../db-errors";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

const customTagSchema = z.object({
  name: z.string().trim().min(1, "Name the tag.").max(60, "Tag names: at most 60 characters."),
  description: z.string().trim().max(500).default(""),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour: use #rrggbb.").default("#5f7a4e"),
});

/** A workspace-defined tag (editors and owners). Names are unique per workspace, ignoring case. */
export async function createCustomTag(db: DbClient, { actor, workspaceId, input }: { actor: { id: string }; workspaceId: string; input: unknown }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const { name, description, colour } = parseInput(customTagSchema, input);
  const key = `custom:${name.toLowerCase().replace(/\s+/g, "-")}`;
  const position = await db.tag.count({ where: { workspaceId, category: "CUSTOM" } });
  return db.tag
    .create({ data: { workspaceId, category: "CUSTOM", key, name, description, colour, position }, select: { id: true, category: true, key: true, name: true, description: true, colour: true, kind: true } })
    .catch((error: unknown) => {
      if (isUniqueConstraintError(error)) throw new AppError("CONFLICT", `A tag named “${name}” already exists here.`, { name: "Already exists." });
      throw error;
    });
}
