import type { DbClient } from "../db";

/**
 * Revision texts by revision id. A revision never changes once written, so a cached text is always
 * right; the cache saves reading up to 5 MB from SQLite on every annotation saved on a long text.
 * Bounded by total characters; the least recently used texts go first.
 */
const MAX_CACHED_CHARACTERS = 32 * 1024 * 1024;
const cache = new Map<string, string>();
let cachedCharacters = 0;

export async function readRevisionText(db: DbClient, revisionId: string): Promise<string> {
  const hit = cachedText(revisionId);
  if (hit !== undefined) return hit;
  const { text } = await db.documentRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { text: true } });
  return remember(revisionId, text);
}

/** The same cache for synchronous readers (the document page's read snapshot): `load` runs on a miss. */
export function revisionTextFromCache(revisionId: string, load: () => string): string {
  return cachedText(revisionId) ?? remember(revisionId, load());
}

/** The same for asynchronous readers (PostgreSQL's document page). */
export async function revisionTextFromCacheAsync(revisionId: string, load: () => Promise<string>): Promise<string> {
  return cachedText(revisionId) ?? remember(revisionId, await load());
}

function cachedText(revisionId: string): string | undefined {
  const hit = cache.get(revisionId);
  if (hit !== undefined) {
    cache.delete(revisionId);
    cache.set(revisionId, hit);
  }
  return hit;
}

function remember(revisionId: string, text: string): string {
  cache.set(revisionId, text);
  cachedCharacters += text.length;
  for (const [id, old] of cache) {
    if (cachedCharacters <= MAX_CACHED_CHARACTERS) break;
    cache.delete(id);
    cachedCharacters -= old.length;
  }
  return text;
}

const MAX_CACHED_COUNTS = 10_000;
const wordCounts = new Map<string, number>();

/**
 * The number of words in a revision's text, counted once per revision (splitting a long text on
 * every page view was a measurable share of the document page's time).
 */
export function revisionWordCount(revisionId: string, text: string): number {
  let words = wordCounts.get(revisionId);
  if (words === undefined) {
    words = countWords(text);
    if (wordCounts.size >= MAX_CACHED_COUNTS) {
      const oldest = wordCounts.keys().next().value;
      if (oldest !== undefined) wordCounts.delete(oldest);
    }
    wordCounts.set(revisionId, words);
  }
  return words;
}

/** Runs of non-space characters. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words += 1;
    }
  }
  return words;
}

/** The id of a document's current revision (without its text). */
export async function currentRevisionId(db: DbClient, documentId: string): Promise<string> {
  const document = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { currentRevisionNumber: true } });
  const revision = await db.documentRevision.findUniqueOrThrow({
    where: { documentId_number: { documentId, number: document.currentRevisionNumber } },
    select: { id: true },
  });
  return revision.id;
}
