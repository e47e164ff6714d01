import type { ErrorPayload } from "../errors";
import { assertSameOriginAction } from "./same-origin";
import { toServerErrorPayload } from "./server-error-payload";

/** What a server action returns to its form: success with optional data, or an error to show. */
export type ActionResult<T = undefined> = { ok: true; data: T } | ({ ok: false } & ErrorPayload);

/**
 * Runs a server action's work and turns an expected failure into a message the form can show.
 * Every action goes through here, so every action first refuses a request that does not come
 * from this site's own pages (lib/http/same-origin.ts).
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    await assertSameOriginAction();
    return { ok: true, data: await work() };
  } catch (error) {
    rethrowNavigation(error);
    return { ok: false, ...toServerErrorPayload(error) };
  }
}

/** redirect() and notFound() work by throwing; they must pass through catch blocks untouched. */
function rethrowNavigation(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))) throw error;
}
