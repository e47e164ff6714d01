/**
 * Next.js calls this for every error thrown while rendering a page or running a route handler or
 * action that our own error mapping did not catch. It is logged with its stack under the error's
 * digest, which the error page shows the user as the request id to quote.
 */
export function onRequestError(error: unknown, request: { path: string; method: string }) {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "none";
  console.error(`[workbench] unexpected error, request id ${digest} (${request.method} ${request.path}):`, error instanceof Error ? (error.stack ?? error) : error);
}
