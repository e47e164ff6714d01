/** The API's answer: data, or the error's message, field errors and details (an import's line-by-line problems) for the UI to show. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: Record<string, string>; details: string[] };

/**
 * Calls one of the app's endpoints, sending JSON (or a FormData as multipart, for uploads); never
 * throws (network failures become a message). The transport under the typed functions of this
 * folder: components call those, never this.
 */
export async function callApi<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  const multipart = init.body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined || multipart ? undefined : { "Content-Type": "application/json" },
      body: init.body instanceof FormData ? init.body : init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection; nothing was saved.", fieldErrors: {}, details: [] };
  }
  if (response.status === 204) return { ok: true, data: undefined as T };
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string; fieldErrors?: Record<string, string>; details?: string[] } }) | null;
  if (response.ok && body) return { ok: true, data: body };
  if (response.status === 401) {
    return { ok: false, status: 401, message: "Your session has ended. Sign in again (in another tab, to keep this page).", fieldErrors: {}, details: [] };
  }
  return {
    ok: false,
    status: response.status,
    message: body?.error?.message ?? `The server answered ${response.status}; nothing was saved.`,
    fieldErrors: body?.error?.fieldErrors ?? {},
    details: body?.error?.details ?? [],
  };
}
