import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const root = path.join(import.meta.dirname, "../../..");

/**
 * PostgreSQL's migrations build exactly the schema prisma/postgresql/schema.prisma describes (itself
 * generated from prisma/schema.prisma: prisma/postgresql/postgres-schema.test.ts). Migrate replays them
 * into a shadow database on the test server, so this runs in the PostgreSQL suite only.
 */
describe("PostgreSQL migrations and schema", () => {
  it("do not drift apart", { timeout: 120_000 }, () => {
    const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
    const script = execFileSync(
      process.execPath,
      [cli, "migrate", "diff", "--from-migrations", "prisma/postgresql/migrations", "--to-schema", "prisma/postgresql/schema.prisma", "--script"],
      { cwd: root, env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(process.env.DATABASE_URL).toMatch(/^postgresql:/);
    expect(script).not.toMatch(/DROP|CREATE|ALTER/i);
    expect(script).toContain("empty migration");
  });
});
