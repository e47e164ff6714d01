import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath } from "./database-url";
import { getEnv } from "./env";

/**
 * A read-only connection kept open for the life of the server process, with each SQL text compiled
 * once: the document page's reads (one to seven statements) cost microseconds each this way, where
 * opening a connection per request and preparing per query cost milliseconds. In WAL mode readers
 * never block the writer, and each `read` sees one consistent snapshot.
 */
export class ReadConnection {
  readonly #connection: Database.Database;
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(file: string) {
    this.#connection = new Database(file, { readonly: true, fileMustExist: true });
    this.#connection.pragma("busy_timeout = 5000");
  }

  /** The statement for `sql`, prepared on first use. */
  statement(sql: string): Database.Statement<unknown[]> {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#connection.prepare<unknown[]>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` (synchronous reads) in one read transaction: every statement sees the same data. */
  read<T>(work: (connection: ReadConnection) => T): T {
    return this.#connection.transaction(() => work(this)).deferred();
  }

  close(): void {
    this.#connection.close();
  }
}

// One per database file and process (tests give each worker a file of its own).
const globalForReads = globalThis as unknown as { workbenchReadConnections?: Map<string, ReadConnection> };

/** The process's read connection to `file` (by default the configured database). */
export function readConnection(file?: string): ReadConnection {
  const resolved = path.resolve(file ?? databaseFilePath(getEnv().databaseUrl));
  const connections = (globalForReads.workbenchReadConnections ??= new Map());
  let connection = connections.get(resolved);
  if (!connection) {
    connection = new ReadConnection(resolved);
    connections.set(resolved, connection);
  }
  return connection;
}
