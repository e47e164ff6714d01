import { describe, expect, it } from "vitest";
import { readSessionCookie, sessionCookieName } from "./session-cookie";

describe("session cookie", () => {
  it("is __Secure- prefixed only for an https site", () => {
    expect(sessionCookieName("https://workbench.example")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });

  it("reads the token among other cookies", () => {
    expect(readSessionCookie("a=1; next-auth.session-token=abc.def; b=2", "next-auth.session-token")).toBe("abc.def");
    expect(readSessionCookie("next-auth.csrf-token=x", "next-auth.session-token")).toBeNull();
    expect(readSessionCookie("", "next-auth.session-token")).toBeNull();
    expect(readSessionCookie(null, "next-auth.session-token")).toBeNull();
  });

  it("joins a token next-auth split into numbered chunks, in order", () => {
    expect(readSessionCookie("s.1=BBB; s.0=AAA; s.2=CC", "s")).toBe("AAABBBCC");
    expect(readSessionCookie("s.x=1; s.-1=2", "s")).toBeNull();
  });
});
