import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchemaFrom, readPostgresSchemaSource } from "./postgres-schema";

describe("PostgreSQL's schema", () => {
  it("is generated from prisma/schema.prisma (run `npx tsx prisma/postgresql/write-postgres-schema.ts` after a change)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(readPostgresSchemaSource());
  });

  it("differs only in the provider and the client's folder", () => {
    const source = 'generator client {\n  output = "../lib/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id String @id\n}\n';
    const derived = postgresSchemaFrom(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output = "../../lib/generated/prisma-pg"');
    expect(derived).toContain("model A {\n  id String @id\n}");
    expect(() => postgresSchemaFrom("model A { id String @id }")).toThrow(/expected to find/);
  });
});
