import type { RevisionText } from "./get-revision-text";

/** A revision is immutable: the browser may keep its text for a year without asking again. */
export const REVISION_TEXT_CACHE_CONTROL = "private, max-age=31536000, immutable";

// The JSON of recently served revisions: a long text is serialised once, not on every request.
const MAX_CACHED_CHARACTERS = 16 * 1024 * 1024;
const bodies = new Map<string, string>();
let cachedCharacters = 0;

function bodyOf(revision: RevisionText): string {
  const hit = bodies.get(revision.revisionId);
  if (hit !== undefined) {
    bodies.delete(revision.revisionId);
    bodies.set(revision.revisionId, hit);
    return hit;
  }
  const body = JSON.stringify(revision);
  bodies.set(revision.revisionId, body);
  cachedCharacters += body.length;
  for (const [id, old] of bodies) {
    if (cachedCharacters <= MAX_CACHED_CHARACTERS || bodies.size === 1) break;
    bodies.delete(id);
    cachedCharacters -= old.length;
  }
  return body;
}

/** The entity tag of a revision's text: its id, which names one text forever. */
export function revisionTextEtag(revisionId: string): string {
  return `"${revisionId}"`;
}

/**
 * The answer to GET /api/revisions/:id/text for an actor already allowed to read it: the JSON, or
 * 304 when the browser's copy (If-None-Match) is this revision. `Vary: Cookie` keeps one
 * account's cached copy from answering another account signed in later in the same browser.
 */
export function revisionTextResponse(request: Request, revision: RevisionText): Response {
  const etag = revisionTextEtag(revision.revisionId);
  const headers = { ETag: etag, "Cache-Control": REVISION_TEXT_CACHE_CONTROL, Vary: "Cookie" };
  const known = request.headers.get("if-none-match");
  if (known !== null && known.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(bodyOf(revision), { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}
