import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("behind a trusted proxy, takes the address the proxy saw: the last hop", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), true)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, true)).toBe("203.0.113.7");
  });

  it("without one, does not believe a forwarded list or a made-up value", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), false)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "anything-at-all" }), false)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), false)).toBe("::ffff:127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "192.0.2.1" }), false)).toBe("192.0.2.1");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
  });
});
