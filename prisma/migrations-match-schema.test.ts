import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const root = path.join(import.meta.dirname, "..");

/**
 * The committed migrations build exactly the schema schema.prisma describes, so the next
 * `prisma migrate dev` writes only the change it is asked for. In particular it must not drop the
 * search index (SearchEntry, the FTS5 table SearchText and its shadow tables), which the schema
 * does not model: prisma.config.ts lists them as external tables, which Migrate leaves alone.
 */
describe("migrations and schema.prisma", () => {
  it("do not drift apart", { timeout: 120_000 }, () => {
    const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
    const run = () =>
      execFileSync(process.execPath, [cli, "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script"], {
        cwd: root,
        env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    const script = run();
    expect(script).not.toMatch(/DROP|CREATE|ALTER/i);
    expect(script).toContain("empty migration");
  });
});
