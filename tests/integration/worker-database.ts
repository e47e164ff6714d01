import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createDatabase, databaseUrlOn } from "./postgres-test-databases";

// Each test file gets a fresh copy of the migrated template database, so files never see each
// other's rows and can run in parallel: a SQLite file, or on PostgreSQL (TEST_POSTGRES_URL) a database.
const postgresTemplate = inject("postgresTemplate");
if (postgresTemplate) {
  const serverUrl = inject("postgresServerUrl");
  const database = postgresTemplate.replace(/template$/, randomUUID().replaceAll("-", ""));
  await createDatabase(serverUrl, database, postgresTemplate);
  process.env.DATABASE_URL = databaseUrlOn(serverUrl, database);
} else {
  const template = inject("templateDatabaseFile");
  const file = path.join(path.dirname(template), `test-${randomUUID()}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NEXTAUTH_SECRET ??= "test-secret-that-is-long-enough-for-the-schema-check";
