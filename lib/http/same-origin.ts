import { headers as requestHeaders } from "next/headers";
import { getEnv } from "../env";
import { AppError } from "../errors";

/** Where the site's own origin comes from: NEXTAUTH_URL, else the request's host. */
export interface OriginPolicy {
  /** NEXTAUTH_URL's origin, when set: then it is the only origin accepted. */
  publicOrigin: string | null;
  /** TRUST_PROXY=1: X-Forwarded-Host and X-Forwarded-Proto, set by the proxy in front, are believed. */
  trustProxy: boolean;
}

interface HeaderReader {
  get(name: string): string | null;
}

function currentPolicy(): OriginPolicy {
  const { publicOrigin, trustProxy } = getEnv();
  return { publicOrigin, trustProxy };
}

/** The first value of a header a proxy may have written as a list. */
const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** `host[:port]` as URL.host writes it (lower case, no default port), or null for a malformed one. */
function normaliseHost(host: string, protocol: string): string | null {
  if (/[\s/\\@?#]/.test(host)) return null;
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request does not come from the site's own pages, or null when it does.
 * Browsers send `Origin` with every cross-origin request and with same-origin POST, PUT, PATCH and
 * DELETE; `Sec-Fetch-Site` is the fallback for a request without one. A request with neither
 * (a script, curl) must name the site in `Origin`: a request the app cannot place is refused.
 * `requireOrigin` (server actions, which only ever come from the app's own pages) refuses a
 * missing Origin whatever Sec-Fetch-Site says.
 */
export function crossSiteReason(headers: HeaderReader, { requireOrigin = false, policy = currentPolicy() }: { requireOrigin?: boolean; policy?: OriginPolicy } = {}): string | null {
  const origin = headers.get("origin");
  if (origin === null) {
    if (requireOrigin) return "The request carries no Origin header.";
    const site = headers.get("sec-fetch-site");
    if (site === "same-origin") return null;
    if (site === null) return "The request carries neither an Origin nor a Sec-Fetch-Site header; send `Origin` with this site's address.";
    return `The request comes from another site (Sec-Fetch-Site: ${site}).`;
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `The request comes from an unknown origin (${origin.slice(0, 100)}).`;
  }
  if (origin === "null" || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return `The request comes from an opaque origin (${origin.slice(0, 100)}).`;
  if (policy.publicOrigin !== null) return parsed.origin === policy.publicOrigin ? null : `The request comes from another site (${parsed.origin}).`;

  // No public URL configured: the site is whatever host the request was sent to. X-Forwarded-*
  // are only believed behind a trusted proxy: anyone can send them.
  const forwardedHost = policy.trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  const host = forwardedHost ?? headers.get("host");
  if (!host) return "The request names no host.";
  const forwardedProto = policy.trustProxy ? firstValue(headers.get("x-forwarded-proto")) : null;
  if (forwardedProto !== null && `${forwardedProto}:` !== parsed.protocol) return `The request comes from another site (${parsed.origin}).`;
  return normaliseHost(host, parsed.protocol) === parsed.host ? null : `The request comes from another site (${parsed.origin}).`;
}

function refusal(reason: string): AppError {
  return new AppError("FORBIDDEN", `Cross-site request refused: ${reason} Changes are only accepted from this site's own pages.`);
}

/**
 * For every state-changing route handler (POST, PUT, PATCH, DELETE), before anything else: throws
 * FORBIDDEN unless the request comes from the site's own origin.
 */
export function assertSameOrigin(request: Request, policy?: OriginPolicy): void {
  const reason = crossSiteReason(request.headers, { policy });
  if (reason !== null) throw refusal(reason);
}

/**
 * For every server action, before anything else. Next.js checks an action's Origin itself, but
 * lets a request without one through and believes X-Forwarded-Host; this does neither.
 */
export async function assertSameOriginAction(policy?: OriginPolicy): Promise<void> {
  const reason = crossSiteReason(await requestHeaders(), { requireOrigin: true, policy });
  if (reason !== null) throw refusal(reason);
}
