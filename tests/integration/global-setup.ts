import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../prisma/migrate-database";
import { createDatabase, databaseUrlOn, dropDatabases, postgresTestServerUrl } from "./postgres-test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseFile: string;
    /** Set when the suite runs on PostgreSQL (TEST_POSTGRES_URL): the server and the template database's name. */
    postgresServerUrl: string;
    postgresTemplate: string;
  }
}

/** Migrates one template database; every test file then works on its own copy of it. */
export default async function setup(project: TestProject) {
  const serverUrl = postgresTestServerUrl();
  if (serverUrl) {
    const prefix = `wbtest_${process.pid}_`;
    const template = `${prefix}template`;
    await dropDatabases(serverUrl, prefix);
    await createDatabase(serverUrl, template);
    migrateDatabase(databaseUrlOn(serverUrl, template));
    project.provide("templateDatabaseFile", "");
    project.provide("postgresServerUrl", serverUrl);
    project.provide("postgresTemplate", template);
    return () => dropDatabases(serverUrl, prefix);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-tests-"));
  const templateDatabaseFile = path.join(dir, "template.db");
  migrateDatabase(`file:${templateDatabaseFile}`);
  // In WAL mode already, as `npm start` leaves a database before its server processes open it: a
  // copy in rollback mode has the first connections of two processes (the sign-in limit's
  // test) race to convert it, which once failed one of them with SQLITE_BUSY. Closing checkpoints the WAL
  // into the file, so a copy of the file alone is complete.
  const template = new Database(templateDatabaseFile);
  template.pragma("journal_mode = WAL");
  template.close();
  project.provide("templateDatabaseFile", templateDatabaseFile);
  project.provide("postgresServerUrl", "");
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
