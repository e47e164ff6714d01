import { describe, expect, it } from "vitest";
import { toXmlId } from "./xml-id";

const NC_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

describe("toXmlId", () => {
  it("keeps cuid-like ids readable", () => {
    expect(toXmlId("a-", "clx9k2m0001")).toBe("a-clx9k2m0001");
  });

  it("encodes every other character, so tag keys and odd ids make valid NCNames", () => {
    for (const id of ["ptc:loaded-language", "custom:famine 1921", "Партия", "𝔄", "a_b", "1st"]) {
      expect(toXmlId("technique-", id)).toMatch(NC_NAME);
    }
    expect(toXmlId("t-", "ptc:loaded-language")).toBe("t-ptc_3a_loaded-language");
    expect(toXmlId("t-", "𝔄")).toBe("t-_1d504_");
  });

  it("never maps two different ids to one xml:id", () => {
    const ids = ["a_b", "a:b", "a_3a_b", "a b", "a__b", "a", "a_", "_a"];
    const encoded = ids.map((id) => toXmlId("x-", id));
    expect(new Set(encoded).size).toBe(ids.length);
  });
});
