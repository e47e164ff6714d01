import path from "node:path";

/** Where the embedded database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_FILE = "data/workbench.db";

/**
 * The SQLite URL to use, with relative paths made absolute against the project root (the
 * working directory of every npm script), so the CLI, the server and the tests agree on the file.
 */
export function resolveDatabaseUrl(configured: string | undefined, cwd: string = process.cwd()): string {
  const url = configured?.trim() || `file:${DEFAULT_DATABASE_FILE}`;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url.slice(0, 40)}"`);
  }
  return `file:${databaseFilePath(url, cwd)}`;
}

/** The file path inside a "file:" URL, absolute, without query parameters. */
export function databaseFilePath(url: string, cwd: string = process.cwd()): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(cwd, file);
}
