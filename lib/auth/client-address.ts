import { getEnv } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address for the sign-in and sign-up limits.
 *
 * - Behind a reverse proxy (TRUST_PROXY=1): the last X-Forwarded-For entry, the address the proxy
 *   itself saw (entries before it are whatever the client sent).
 * - Otherwise X-Forwarded-For is not believed. Next.js fills that header from the connection when
 *   the client sent none, so a single plain address is taken as the connection's; a list, or
 *   anything that is not an IP address, counts as "unknown". A client may still send one address
 *   of its choosing: only the per-account limit is firm without a proxy in front.
 */
export function clientAddress(headers: HeaderSource, trustProxy: boolean = getEnv().trustProxy): string {
  const forwarded = readHeader(headers, "x-forwarded-for");
  if (!forwarded) return "unknown";
  const hops = forwarded.split(",").map((hop) => hop.trim()).filter(Boolean);
  if (trustProxy) return hops.at(-1) || "unknown";
  return hops.length === 1 && isIpAddress(hops[0]!) ? hops[0]! : "unknown";
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function isIpAddress(value: string): boolean {
  return /^(\d{1,3}\.){3}\d{1,3}$/.test(value) || (/^[0-9a-f:.]+$/i.test(value) && value.includes(":") && value.length <= 45);
}
