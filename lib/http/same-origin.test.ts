import { describe, expect, it } from "vitest";
import { crossSiteReason, type OriginPolicy } from "./same-origin";

const byHost: OriginPolicy = { publicOrigin: null, trustProxy: false };
const headers = (values: Record<string, string>) => new Headers(values);
const check = (values: Record<string, string>, policy = byHost, requireOrigin = false) => crossSiteReason(headers(values), { policy, requireOrigin });

describe("crossSiteReason", () => {
  it("accepts the site's own origin, by Host", () => {
    expect(check({ host: "localhost:3000", origin: "http://localhost:3000" })).toBeNull();
    expect(check({ host: "Workbench.Example", origin: "https://workbench.example" })).toBeNull();
    expect(check({ host: "workbench.example:443", origin: "https://workbench.example" })).toBeNull();
  });

  it("refuses other origins, other ports, opaque and malformed origins", () => {
    for (const origin of ["http://evil.example", "http://localhost:3001", "null", "file://", "not a url", "http://localhost:3000.evil.example"]) {
      expect(check({ host: "localhost:3000", origin }), origin).not.toBeNull();
    }
  });

  it("without Origin, believes Sec-Fetch-Site only when it says same-origin", () => {
    expect(check({ host: "localhost:3000", "sec-fetch-site": "same-origin" })).toBeNull();
    for (const site of ["cross-site", "same-site", "none"]) expect(check({ host: "localhost:3000", "sec-fetch-site": site })).not.toBeNull();
    expect(check({ host: "localhost:3000" })).toMatch(/neither an Origin nor a Sec-Fetch-Site/);
  });

  it("for server actions, refuses a missing Origin whatever Sec-Fetch-Site says", () => {
    expect(check({ host: "localhost:3000", "sec-fetch-site": "same-origin" }, byHost, true)).toMatch(/no Origin/);
    expect(check({ host: "localhost:3000", origin: "http://localhost:3000" }, byHost, true)).toBeNull();
  });

  it("ignores X-Forwarded-Host unless a trusted proxy is configured", () => {
    const spoofed = { host: "localhost:3000", origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    expect(check(spoofed)).not.toBeNull();
    const proxied = { host: "127.0.0.1:3000", origin: "https://workbench.example", "x-forwarded-host": "workbench.example", "x-forwarded-proto": "https" };
    expect(check(proxied, { publicOrigin: null, trustProxy: true })).toBeNull();
    expect(check({ ...proxied, "x-forwarded-proto": "http" }, { publicOrigin: null, trustProxy: true })).not.toBeNull();
    expect(check(proxied)).not.toBeNull();
  });

  it("with NEXTAUTH_URL, accepts that origin only, whatever the Host says", () => {
    const policy = { publicOrigin: "https://workbench.example", trustProxy: false };
    expect(check({ host: "internal:3000", origin: "https://workbench.example" }, policy)).toBeNull();
    expect(check({ host: "evil.example", origin: "http://evil.example" }, policy)).not.toBeNull();
    expect(check({ host: "workbench.example", origin: "http://workbench.example" }, policy)).not.toBeNull();
  });
});
