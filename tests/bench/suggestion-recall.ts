import type { Db } from "../../lib/db";
import { suggestLinks, SUGGESTION_COUNT } from "../../lib/search/suggest-links";
import { DEMO_ACCOUNT, seedDemoWorkspace } from "../../seeds/seed-demo-workspace";

export interface SuggestionRecall {
  /** Demo links across two documents; suggestions look only in other documents. */
  crossDocumentLinks: number;
  found: number;
  /** found / crossDocumentLinks */
  recallAt5: number;
  /** Demo links inside one document, which suggestions do not look for (counted as misses in recallAllLinks). */
  sameDocumentLinks: number;
  recallAllLinks: number;
  misses: string[];
}

/**
 * Recall@5 of suggested links on the seed corpus, with the demo links as the answers: for each
 * link, are the words of its other end inside one of the five passages suggested for its first end?
 */
export async function measureSuggestionRecall(db: Db): Promise<SuggestionRecall> {
  await seedDemoWorkspace(db);
  const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email }, select: { id: true } });
  const links = await db.annotationLink.findMany({
    where: { author: { id: user.id } },
    select: { source: { select: { id: true, documentId: true, exact: true } }, target: { select: { documentId: true, start: true, end: true, exact: true } } },
  });
  let cross = 0;
  let found = 0;
  const misses: string[] = [];
  for (const { source, target } of links) {
    if (source.documentId === target.documentId) continue;
    cross += 1;
    const { suggestions } = await suggestLinks(db, { actor: user, annotationId: source.id, limit: SUGGESTION_COUNT });
    const hit = suggestions.some((s) => s.hit.documentId === target.documentId && s.hit.block !== null && s.hit.block.start < target.end && s.hit.block.end > target.start);
    if (hit) found += 1;
    else misses.push(`${source.exact.slice(0, 60)} → ${target.exact.slice(0, 60)}`);
  }
  return { crossDocumentLinks: cross, found, recallAt5: cross === 0 ? 0 : found / cross, sameDocumentLinks: links.length - cross, recallAllLinks: links.length === 0 ? 0 : found / links.length, misses };
}
