// Cross-origin writes: every state-changing endpoint of the API table, sent as a page on another
// origin could send it with the signed-in user's cookie. Each would succeed from the app itself
// (a same-origin control shows it does); an answer of 2xx to a cross-origin variant is an
// accepted write (the goal is none).
import { ENDPOINTS, isWrite, toRequestBody, type StressWorld } from "./stress-world";

export const CROSS_ORIGIN_VARIANTS = [
  { label: "Origin: http://evil.example", headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" }, plainText: false },
  { label: "Origin: null", headers: { origin: "null" }, plainText: false },
  { label: "Sec-Fetch-Site: cross-site, no Origin", headers: { "sec-fetch-site": "cross-site" }, plainText: false },
  { label: "text/plain from evil (no-cors)", headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" }, plainText: true },
] as const;

export interface CrossOriginResult {
  attempts: number;
  accepted: number;
  acceptedExamples: string[];
  controls: number;
  controlsAccepted: number;
  controlFailures: string[];
}

export async function runCrossOriginChecks(world: StressWorld): Promise<CrossOriginResult> {
  const result: CrossOriginResult = { attempts: 0, accepted: 0, acceptedExamples: [], controls: 0, controlsAccepted: 0, controlFailures: [] };
  for (const endpoint of ENDPOINTS.filter(isWrite)) {
    for (const variant of [null, ...CROSS_ORIGIN_VARIANTS]) {
      const made = await endpoint.valid(world);
      const { body, contentType } = toRequestBody(made.body);
      const headers: Record<string, string> = { cookie: world.cookie };
      if (variant === null) {
        headers.origin = world.baseUrl;
        headers["sec-fetch-site"] = "same-origin";
        if (contentType) headers["content-type"] = contentType;
      } else {
        Object.assign(headers, variant.headers);
        if (variant.plainText) headers["content-type"] = "text/plain;charset=UTF-8";
        else if (contentType) headers["content-type"] = contentType;
      }
      let status = 0;
      try {
        const response = await fetch(`${world.baseUrl}${made.path}`, { method: endpoint.method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = 0;
      }
      const ok = status >= 200 && status < 300;
      if (variant === null) {
        result.controls += 1;
        if (ok) result.controlsAccepted += 1;
        else result.controlFailures.push(`${status} ${endpoint.method} ${endpoint.path}`);
      } else {
        result.attempts += 1;
        if (ok) {
          result.accepted += 1;
          if (result.acceptedExamples.length < 12) result.acceptedExamples.push(`${status} ${endpoint.method} ${endpoint.path} (${variant.label})`);
        }
      }
    }
  }
  return result;
}
