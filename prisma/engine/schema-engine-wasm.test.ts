import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabaseClient } from "../../lib/db";
import { migrateDatabase } from "../migrate-database";

// The shim stands in for Prisma's native schema engine, which cannot be downloaded offline.
describe("offline schema engine shim", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-shim-"));
  const url = `file:${path.join(dir, "shim.db")}`;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("applies the committed migrations with `prisma migrate deploy`, then is idempotent", () => {
    const migrations = fs.readdirSync(path.join(import.meta.dirname, "../migrations")).filter((name) => /^\d+_/.test(name));
    const first = migrateDatabase(url);
    expect(first).toMatch(new RegExp(`${migrations.length} migrations? found`));
    expect(first).toContain("applied");
    expect(migrateDatabase(url)).toContain("No pending migrations to apply.");
    expect(fs.existsSync(path.join(dir, "shim.db-journal"))).toBe(false);
    // Two CLI runs, each starting Prisma's CLI and its WebAssembly engine: ~3 s on a calm machine,
    // over 20 s when both cores are busy.
  }, 120_000);

  it("leaves a database the generated client can write to and read back", async () => {
    const db = createDatabaseClient(url);
    try {
      const workspace = await db.workspace.create({ data: { name: "Shim check" } });
      const read = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } });
      expect(read.name).toBe("Shim check");
      expect(read.techniqueTaxonomy).toBe("PTC_18");
    } finally {
      await db.$disconnect();
    }
  });
});
