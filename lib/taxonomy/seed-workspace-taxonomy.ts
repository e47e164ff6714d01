import type { DbClient } from "../db";
import { KIND_TAG_DEFINITIONS } from "./annotation-kinds";
import { TECHNIQUE_TAXONOMIES } from "./propaganda-techniques";
import type { TechniqueTaxonomy } from "../generated/prisma/enums";

/**
 * Gives a new workspace its tag taxonomy: the annotation kinds and every technique of both
 * taxonomies (the workspace's setting picks which set its pickers show). Safe to run twice.
 */
export async function seedWorkspaceTaxonomy(db: DbClient, workspaceId: string): Promise<void> {
  const existing = new Set((await db.tag.findMany({ where: { workspaceId }, select: { key: true } })).map((t) => t.key));

  const kindTags = KIND_TAG_DEFINITIONS.map((k, position) => ({
    workspaceId,
    category: "KIND" as const,
    key: k.key,
    name: k.name,
    description: k.description,
    colour: k.colour,
    kind: k.kind,
    position,
  }));

  const techniqueTags = (Object.keys(TECHNIQUE_TAXONOMIES) as TechniqueTaxonomy[]).flatMap((taxonomy) => {
    const { prefix, techniques } = TECHNIQUE_TAXONOMIES[taxonomy];
    return techniques.map((t, position) => ({
      workspaceId,
      category: "TECHNIQUE" as const,
      key: `${prefix}:${t.slug}`,
      name: t.name,
      description: t.description,
      colour: t.colour,
      taxonomy,
      position,
    }));
  });

  const missing = [...kindTags, ...techniqueTags].filter((tag) => !existing.has(tag.key));
  if (missing.length > 0) await db.tag.createMany({ data: missing });
}
