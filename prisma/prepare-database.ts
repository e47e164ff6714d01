// Runs before the server starts (npm start / npm run dev): applies pending migrations to the
// configured database (a SQLite file, or PostgreSQL) and, on first start of a local installation, creates the demo account
// with the seed corpus. Safe to run on every start.
import fs from "node:fs";
import path from "node:path";
import { createDatabaseClient } from "../lib/db";
import { databaseEngineOf, databaseFilePath } from "../lib/database-url";
import { getEnv } from "../lib/env";
import { DEMO_ACCOUNT, seedDemoWorkspace } from "../seeds/seed-demo-workspace";
import { migrateDatabase } from "./migrate-database";
import { indexUnindexedDocuments } from "../lib/search/index-document-text";

async function main() {
  const env = getEnv();
  const postgres = databaseEngineOf(env.databaseUrl) === "postgresql";
  if (!postgres) fs.mkdirSync(path.dirname(databaseFilePath(env.databaseUrl)), { recursive: true });
  const started = performance.now();
  const output = migrateDatabase(env.databaseUrl);
  const applied = output.match(/following migration\(s\) have been applied[\s\S]*/)?.[0] ? "migrations applied" : "schema up to date";
  const where = postgres ? `PostgreSQL ${new URL(env.databaseUrl).host}${new URL(env.databaseUrl).pathname}` : databaseFilePath(env.databaseUrl);
  console.log(`[workbench] database ${where}: ${applied} (${Math.round(performance.now() - started)} ms)`);

  const indexDb = createDatabaseClient(env.databaseUrl);
  try {
    const indexed = await indexUnindexedDocuments(indexDb);
    if (indexed > 0) console.log(`[workbench] search index: added the text of ${indexed} documents written before it existed.`);
  } finally {
    await indexDb.$disconnect();
  }

  if (env.authSecretConfigured) {
    console.log("[workbench] NEXTAUTH_SECRET is set: no demo account is created. Sign up to get a workspace with the sample corpus.");
    return;
  }
  const db = createDatabaseClient(env.databaseUrl);
  try {
    const { created } = await seedDemoWorkspace(db);
    if (created) console.log("[workbench] first start: loaded the seed corpus into a demo workspace.");
  } finally {
    await db.$disconnect();
  }
  const port = process.env.PORT ?? "3000";
  console.log(
    [
      "",
      "  Source-criticism workbench (local use)",
      `  Open     http://localhost:${port}`,
      `  Sign in  ${DEMO_ACCOUNT.email}  /  ${DEMO_ACCOUNT.password}`,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error("[workbench] could not prepare the database:", error instanceof Error ? error.message : error);
  process.exit(1);
});
