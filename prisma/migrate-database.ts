import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Applies the committed migrations to the database at `databaseUrl` with Prisma's own CLI (which
 * prisma.config.ts points at our offline schema-engine shim). Returns the CLI's output.
 */
export function migrateDatabase(databaseUrl: string, projectRoot: string = process.cwd()): string {
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
  return execFileSync(process.execPath, [cli, "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
