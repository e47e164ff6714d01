import type { DbClient } from "../db";
import { displayNameSchema } from "../validations/auth";
import { parseInput } from "../validations/parse-input";
import { z } from "zod";

/** A person changes their own display name. */
export async function updateProfile(db: DbClient, { actor, input }: { actor: { id: string }; input: unknown }) {
  const { name } = parseInput(z.object({ name: displayNameSchema }), input);
  return db.user.update({ where: { id: actor.id }, data: { name }, select: { id: true, name: true, email: true } });
}
