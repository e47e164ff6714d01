import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/documents/abc?x=1#p3")).toBe("/documents/abc?x=1#p3");
    expect(safeReturnPath(["/account", "/other"])).toBe("/account");
    expect(safeReturnPath("http://localhost:3000/w/abc")).toBe("/w/abc");
  });

  it("refuses other sites and loops back to the library", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/\r//evil.example", "/x\\y", "javascript:alert(1)", "evil.example", "/signin?callbackUrl=/x", "", undefined, "http://[bad"]) {
      expect(safeReturnPath(bad)).toBe("/library");
    }
  });
});
