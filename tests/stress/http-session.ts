/** Signing in over HTTP as a browser would, for the stress run's clients (no browser needed). */

export interface Account {
  email: string;
  password: string;
}

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "").filter((pair) => pair.includes("="));
}

function mergeCookies(...groups: string[][]): string {
  const byName = new Map<string, string>();
  for (const pair of groups.flat()) byName.set(pair.slice(0, pair.indexOf("=")), pair);
  return [...byName.values()].join("; ");
}

/**
 * Signs `account` in through next-auth's credentials endpoint and returns the Cookie header that
 * carries the session (and the CSRF cookie, which sign-out needs).
 */
export async function signIn(baseUrl: string, account: Account, attempts = 3): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInOnce(baseUrl, account);
    } catch (error) {
      // A loaded server can fail a sign-in (its database lock wait ran out): say so, and try again.
      if (attempt >= attempts) throw error;
      console.log(`[stress] sign-in as ${account.email} failed (${error instanceof Error ? error.message : String(error)}); trying again`);
    }
  }
}

async function signInOnce(baseUrl: string, account: Account): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: mergeCookies(csrfCookies), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email: account.email, password: account.password, json: "true" }).toString(),
  });
  const cookie = mergeCookies(csrfCookies, cookiePairs(response));
  if (!/session-token=/.test(cookie)) throw new Error(`Signing in as ${account.email} set no session cookie (status ${response.status}).`);
  return cookie;
}

/** Signs the session out through next-auth's sign-out endpoint. */
export async function signOut(baseUrl: string, cookie: string): Promise<number> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

/** The signed-in user's id as `/api/auth/session` reports it, or null when the cookie is not (or no longer) a session. */
export async function sessionUserId(baseUrl: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  if (!response.ok) return null;
  const body = (await response.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}
