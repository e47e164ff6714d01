import Database from "better-sqlite3";

type Statement = Database.Statement<unknown[]>;

/** Distinct SQL texts kept prepared per connection (Prisma's shapes are few; `IN (?, ?, …)` lists vary). */
export const MAX_CACHED_STATEMENTS = 500;

/**
 * A cached statement as Prisma's better-sqlite3 adapter uses it: it calls `prepare(sql).bind(args)`
 * and then `run()`, `columns()` or `raw().all()`. better-sqlite3 binds a statement's parameters
 * for good, so the cached statement is never bound: each `bind` returns a view of it that passes
 * the arguments to every call instead.
 */
function boundView(statement: Statement, args: unknown[]): Statement {
  // Reads of `reader`, `source`, … fall through to the statement; the calls the adapter makes run on it.
  const view: Statement = Object.create(statement);
  view.run = () => statement.run(...args);
  view.get = () => statement.get(...args);
  view.all = () => statement.all(...args);
  view.iterate = () => statement.iterate(...args);
  view.columns = () => statement.columns();
  view.raw = (toggle?: boolean) => {
    statement.raw(toggle ?? true);
    return view;
  };
  view.safeIntegers = (toggle?: boolean) => {
    statement.safeIntegers(toggle ?? true);
    return view;
  };
  view.bind = (...more: unknown[]) => boundView(statement, [...args, ...more]);
  return view;
}

/**
 * Makes `connection.prepare` reuse statements: SQLite compiles each SQL text once per connection
 * instead of on every query (a profile of the document page found 5 % of its time re-preparing).
 * Bounded: the least recently used statements go past MAX_CACHED_STATEMENTS.
 *
 * `BEGIN` becomes `BEGIN IMMEDIATE`: with several server processes on one file, a deferred
 * transaction that read first and then writes fails at once with SQLITE_BUSY when another process
 * wrote in between (the busy timeout cannot help it); an immediate one takes the write lock at the
 * start and waits its turn.
 */
export function cacheStatements(connection: Database.Database): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Statement>();
  const cachedPrepare = (source: string): Statement => {
    const sql = source.trim() === "BEGIN" ? "BEGIN IMMEDIATE" : source;
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare<unknown[]>(sql);
      if (cache.size >= MAX_CACHED_STATEMENTS) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(sql, statement);
    return boundView(statement, []);
  };
  Object.defineProperty(connection, "prepare", { value: cachedPrepare, configurable: true, writable: true });
}

/** The better-sqlite3 connection inside a driver adapter, when it holds one. */
export function sqliteConnectionOf(adapter: object): Database.Database | null {
  const client: unknown = Reflect.get(adapter, "client");
  return client instanceof Database ? client : null;
}
