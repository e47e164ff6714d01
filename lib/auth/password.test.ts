import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id at OWASP's parameters and verifies", async () => {
    const stored = await hashPassword("Gosplan 1928!");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "Gosplan 1928!")).toBe(true);
    expect(await verifyPassword(stored, "gosplan 1928!")).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats a malformed stored hash as a mismatch, not a crash", async () => {
    expect(await verifyPassword("not a hash", "x")).toBe(false);
    expect(await verifyAgainstDummyHash("x")).toBe(false);
  });
});
