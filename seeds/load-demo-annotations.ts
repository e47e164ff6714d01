import type { DbClient } from "../lib/db";
import { createAnnotation } from "../lib/annotations/create-annotation";
import { PTC_18_TECHNIQUES } from "../lib/taxonomy/propaganda-techniques";
import { DEMO_ANNOTATIONS, DEMO_LINKS, locateDemoAnnotation } from "./demo-annotations";
import { readSeedCorpus } from "./seed-corpus";

/**
 * Adds the demo annotation set (claims, bias markers, contradictions and the links between them)
 * to a workspace holding the seed corpus, through the same service the reading view uses.
 */
export async function loadDemoAnnotations(
  db: DbClient,
  { actor, workspaceId, documentIdByFile }: { actor: { id: string }; workspaceId: string; documentIdByFile: Map<string, string> },
) {
  const texts = new Map(readSeedCorpus().map((seed) => [seed.file, seed.content.text]));
  const techniques = new Map(
    (await db.tag.findMany({ where: { workspaceId, category: "TECHNIQUE", taxonomy: "PTC_18" }, select: { id: true, key: true } })).map((t) => [t.key, t.id]),
  );
  const annotationIdByKey = new Map<string, string>();
  for (const demo of DEMO_ANNOTATIONS) {
    const documentId = documentIdByFile.get(demo.file);
    const text = texts.get(demo.file);
    if (!documentId || text === undefined) throw new Error(`demo annotation ${demo.key}: no seed document ${demo.file}`);
    const { start, end } = locateDemoAnnotation(text, demo);
    const revision = await db.documentRevision.findFirstOrThrow({ where: { documentId }, orderBy: { number: "desc" }, select: { id: true } });
    const technique = demo.technique ? PTC_18_TECHNIQUES.find((t) => t.slug === demo.technique) : undefined;
    const created = await createAnnotation(db, {
      actor,
      documentId,
      input: {
        revisionId: revision.id,
        start,
        end,
        exact: text.slice(start, end),
        kind: demo.kind,
        techniqueId: technique ? techniques.get(`ptc:${technique.slug}`) : undefined,
        verdict: demo.verdict,
        confidence: demo.confidence,
        note: demo.note,
      },
    });
    annotationIdByKey.set(demo.key, created.id);
  }
  const now = new Date();
  await db.annotationLink.createMany({
    data: DEMO_LINKS.map((link) => ({
      workspaceId,
      sourceAnnotationId: annotationIdByKey.get(link.from) ?? "",
      targetAnnotationId: annotationIdByKey.get(link.to) ?? "",
      type: link.type,
      note: link.note,
      authorId: actor.id,
      verdict: link.type === "CONTRADICTS" ? (link.verdict ?? "UNRESOLVED") : null,
      verdictRationale: link.verdictRationale ?? "",
      verdictById: link.verdict && link.verdict !== "UNRESOLVED" ? actor.id : null,
      verdictAt: link.verdict && link.verdict !== "UNRESOLVED" ? now : null,
    })),
  });
  return { annotations: annotationIdByKey.size, links: DEMO_LINKS.length };
}
