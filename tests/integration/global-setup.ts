import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../prisma/migrate-database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseFile: string;
  }
}

/** Migrates one template database; every test file then works on its own copy of it. */
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbench-tests-"));
  const templateDatabaseFile = path.join(dir, "template.db");
  migrateDatabase(`file:${templateDatabaseFile}`);
  project.provide("templateDatabaseFile", templateDatabaseFile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
