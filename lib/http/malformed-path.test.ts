import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it("finds percent-encoding that does not decode", () => {
    for (const path of ["/api/documents/%FF%FE", "/api/documents/%ED%A0%80", "/api/documents/%E0%A4%A", "/api/documents/%", "/w/%/export", "/documents/a%zz"]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("passes well-formed paths, encoded or not", () => {
    for (const path of ["/", "/api/documents/cl0000000000000000000000", "/documents/%C3%A9t%C3%A9", "/w/a%20b", "/api/auth/callback/credentials"]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});
