import path from "node:path";

/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_FILE = "data/workbench.db";

/** The database engines the workbench runs on: SQLite embedded (the default) or a PostgreSQL server. */
export type DatabaseEngine = "sqlite" | "postgresql";

/** Which engine a (resolved) DATABASE_URL names. */
export function databaseEngineOf(url: string): DatabaseEngine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/**
 * The database URL to use. A SQLite "file:" URL gets its relative path made absolute against the
 * project root (the working directory of every npm script), so the CLI, the server and the tests
 * agree on the file; a "postgresql://" URL is used as given.
 */
export function resolveDatabaseUrl(configured: string | undefined, cwd: string = process.cwd()): string {
  const url = configured?.trim() || `file:${DEFAULT_DATABASE_FILE}`;
  if (databaseEngineOf(url) === "postgresql") return url;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL, got "${url.slice(0, 40)}"`);
  }
  return `file:${databaseFilePath(url, cwd)}`;
}

/** The file path inside a "file:" URL, absolute, without query parameters. */
export function databaseFilePath(url: string, cwd: string = process.cwd()): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(cwd, file);
}
