import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

/** The site the integration tests pretend to be served at. */
export const SITE = "http://localhost:3000";

/** A browser's cookies for SITE: what Set-Cookie answers leave behind. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  copy(): CookieJar {
    const copy = new CookieJar();
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }
}

interface AuthAnswer {
  status: number;
  body: unknown;
}

/**
 * Runs one of next-auth's endpoints (`csrf`, `callback/credentials`, `signout`, `session`) with the
 * app's authOptions, as its route does, through next-auth's request/response interface (the App
 * Router route reads Next's request context, which a test does not have).
 */
export async function callNextAuth(jar: CookieJar, action: string, { method = "GET", body }: { method?: "GET" | "POST"; body?: Record<string, string> } = {}): Promise<AuthAnswer> {
  const headers: Record<string, string> = { host: "localhost:3000", cookie: jar.header(), origin: SITE };
  const answer: AuthAnswer = { status: 200, body: undefined };
  const stored: Record<string, string | string[]> = {};
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    getHeader: (name: string) => stored[name],
    setHeader(name: string, value: string | string[]) {
      stored[name] = value;
      return res;
    },
    end() {},
    json(value: unknown) {
      answer.body = value;
    },
    send(value: unknown) {
      answer.body = value;
    },
  };
  // A server hands next-auth cookie values decoded, as Next's cookie parser does.
  const cookies = Object.fromEntries([...jar.cookies].map(([name, value]) => [name, decodeURIComponent(value)]));
  const req = { method, headers, body, cookies, query: { nextauth: action.split("/") } };
  const handler = NextAuth as unknown as (req: unknown, res: unknown, options: typeof authOptions) => Promise<void>;
  await handler(req, res, authOptions);
  jar.store(stored["Set-Cookie"]);
  return answer;
}

/** Signs in with email and password as the sign-in form does; the jar then holds the session cookie. */
export async function signIn(email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const { body } = await callNextAuth(jar, "csrf");
  const { csrfToken } = body as { csrfToken: string };
  const answer = await callNextAuth(jar, "callback/credentials", { method: "POST", body: { csrfToken, email, password, json: "true" } });
  if (answer.status !== 200 || ![...jar.cookies.keys()].some((name) => name.startsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return jar;
}

/** Signs out as the sign-out button does. */
export async function signOut(jar: CookieJar): Promise<void> {
  const { body } = await callNextAuth(jar, "csrf");
  await callNextAuth(jar, "signout", { method: "POST", body: { csrfToken: (body as { csrfToken: string }).csrfToken, json: "true" } });
}

/** A request to the app as a browser on SITE sends it (override `origin` and headers to play another site). */
export function siteRequest(
  path: string,
  { method = "GET", jar, json, body, headers = {}, origin = SITE }: { method?: string; jar?: CookieJar; json?: unknown; body?: BodyInit; headers?: Record<string, string>; origin?: string | null } = {},
): Request {
  const all = new Headers({ host: "localhost:3000", ...headers });
  if (origin !== null) all.set("origin", origin);
  if (jar) all.set("cookie", jar.header());
  if (json !== undefined) {
    if (!all.has("content-type")) all.set("content-type", "application/json");
    body = JSON.stringify(json);
  }
  return new Request(`${SITE}${path}`, { method, headers: all, body });
}

/** The context a dynamic route handler receives. */
export const routeParams = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });
