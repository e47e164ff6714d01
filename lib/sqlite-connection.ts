import Database from "better-sqlite3";
import { databaseFilePath } from "./database-url";
import { getEnv } from "./env";

export type SqliteConnection = Database.Database;

/** A date as Prisma's SQLite adapter stores it ("…645+00:00"), for rows written in plain SQL. */
export function toStoredDate(date: Date | number): string {
  return new Date(date).toISOString().replace("Z", "+00:00");
}

/** A timestamp as Prisma's SQLite adapter stores it ("…645+00:00"), as ISO 8601 in UTC ("…645Z"). */
export function fromStoredDate(stored: string): string {
  if (stored.length === 29 && stored.endsWith("+00:00")) return `${stored.slice(0, 23)}Z`;
  const time = Date.parse(stored);
  return Number.isNaN(time) ? stored : new Date(time).toISOString();
}

/**
 * A better-sqlite3 connection of its own to the configured database, for the two bulk paths
 * that bypass Prisma (the export reader and the import writer). Same pragmas as lib/db.ts; the
 * caller closes it.
 */
export function openSqlite({ readonly, file }: { readonly: boolean; file?: string }): SqliteConnection {
  const connection = new Database(file ?? databaseFilePath(getEnv().databaseUrl), { readonly, fileMustExist: true });
  connection.pragma("busy_timeout = 5000");
  connection.pragma("foreign_keys = ON");
  if (!readonly) connection.pragma("synchronous = FULL");
  return connection;
}
