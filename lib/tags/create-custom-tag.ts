import { z } from "zod";
import type { DbClient } from "../db";
import { AppError } from "../errors";
import { isUniqueConstraintError } from "../db-errors";
import { parseInput } from "../validations/parse-input";
import { requireWorkspaceRole } from "../workspaces/require-workspace-role";

export const MAX_TAG_NAME_LENGTH = 60;
export const MAX_TAG_DESCRIPTION_LENGTH = 500;
export const DEFAULT_CUSTOM_TAG_COLOUR = "#5f7a4e";

/** A custom tag's key: unique per workspace, so names are unique ignoring case and spacing. */
export function customTagKey(name: string): string {
  return `custom:${name.trim().toLowerCase().replace(/\s+/g, "-")}`;
}

const customTagSchema = z.object({
  name: z.string().trim().min(1, "Name the tag.").max(MAX_TAG_NAME_LENGTH, `Tag names: at most ${MAX_TAG_NAME_LENGTH} characters.`),
  description: z.string().trim().max(MAX_TAG_DESCRIPTION_LENGTH).default(""),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour: use #rrggbb.").default(DEFAULT_CUSTOM_TAG_COLOUR),
});

/** A workspace-defined tag (editors and owners). Names are unique per workspace, ignoring case. */
export async function createCustomTag(db: DbClient, { actor, workspaceId, input }: { actor: { id: string }; workspaceId: string; input: unknown }) {
  await requireWorkspaceRole(db, { userId: actor.id, workspaceId, minimum: "EDITOR" });
  const { name, description, colour } = parseInput(customTagSchema, input);
  const key = customTagKey(name);
  const position = await db.tag.count({ where: { workspaceId, category: "CUSTOM" } });
  return db.tag
    .create({ data: { workspaceId, category: "CUSTOM", key, name, description, colour, position }, select: { id: true, category: true, key: true, name: true, description: true, colour: true, kind: true } })
    .catch((error: unknown) => {
      if (isUniqueConstraintError(error)) throw new AppError("CONFLICT", `A tag named “${name}” already exists here.`, { name: "Already exists." });
      throw error;
    });
}
