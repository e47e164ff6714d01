import { createHash } from "node:crypto";
import pg from "pg";
import { WRITE_LOCK_KEY } from "../db";
import { getEnv } from "../env";
import { bindPostgres, toPostgresSql, type PostgresSql } from "./postgres-sql";

/**
 * The plain-SQL side of PostgreSQL (the twins of lib/sqlite-read-connection.ts and
 * lib/sqlite-connection.ts): one pg pool per database and process, beside Prisma's own pool, for the
 * readers and writers that bypass Prisma. Rows come back shaped as better-sqlite3 returns them, so the
 * SQLite code's row types and mappers serve both: timestamps as ISO 8601 text in UTC (Prisma writes
 * timestamp(3) in UTC), JSON columns as their text, 64-bit counts as numbers.
 */
const TIMESTAMP_OID = 1114;
const TIMESTAMPTZ_OID = 1184;
const JSON_OID = 114;
const JSONB_OID = 3802;
const INT8_OID = 20;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (value: string) => `${value.replace(" ", "T")}Z`;
    if (oid === TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === JSON_OID || oid === JSONB_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format ?? "text");
  },
};

/** Plain-SQL connections per app process (Prisma's pool has its own; see lib/db.ts). */
const POOL_SIZE = 5;

const globalForPools = globalThis as unknown as { workbenchPostgresPools?: Map<string, pg.Pool> };

export function postgresPool(url: string = getEnv().databaseUrl): pg.Pool {
  const pools = (globalForPools.workbenchPostgresPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types });
    // An idle connection the server dropped (restart, failover) is replaced on the next query.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

const translated = new Map<string, PostgresSql & { name: string }>();

function statement(sql: string) {
  let found = translated.get(sql);
  if (!found) {
    const converted = toPostgresSql(sql);
    // Named statements are prepared once per connection.
    found = { ...converted, name: `wb_${createHash("sha1").update(converted.text).digest("hex").slice(0, 20)}` };
    translated.set(sql, found);
  }
  return found;
}

type Values = unknown[] | Record<string, unknown>;

/** SQLite-dialect statements (see toPostgresSql) run on one PostgreSQL connection. */
export class PostgresStatements {
  constructor(readonly client: pg.PoolClient) {}

  async all<T>(sql: string, values: Values = []): Promise<T[]> {
    const { text, name, ...rest } = statement(sql);
    const result = await this.client.query<T & pg.QueryResultRow>({ text, name, values: bindPostgres({ text, ...rest }, values) });
    return result.rows;
  }

  async get<T>(sql: string, values: Values = []): Promise<T | undefined> {
    return (await this.all<T>(sql, values))[0];
  }

  /** Rows as arrays, in the SELECT's column order (better-sqlite3's raw mode). */
  async raw<T extends unknown[]>(sql: string, values: Values = []): Promise<T[]> {
    const { text, name, ...rest } = statement(sql);
    const result = await this.client.query<T>({ text, name: `${name}_raw`, values: bindPostgres({ text, ...rest }, values), rowMode: "array" });
    return result.rows;
  }

  async run(sql: string, values: Values = []): Promise<number> {
    const { text, name, ...rest } = statement(sql);
    const result = await this.client.query({ text, name, values: bindPostgres({ text, ...rest }, values) });
    return result.rowCount ?? 0;
  }
}

/**
 * Runs `work` in one REPEATABLE READ, READ ONLY transaction: every statement sees the same snapshot
 * (what SQLite's read transaction gives the SQLite readers).
 */
export async function readPostgresSnapshot<T>(work: (statements: PostgresStatements) => Promise<T>, url?: string): Promise<T> {
  return inPostgresTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work, url);
}

/** Runs `work` in one read-write transaction (READ COMMITTED), committed when it returns, rolled back when it throws. */
export async function writePostgres<T>(work: (statements: PostgresStatements) => Promise<T>, url?: string): Promise<T> {
  return inPostgresTransaction("BEGIN", async (statements) => {
    // One writer at a time, as for Prisma's transactions (lib/db.ts).
    await statements.client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
    return work(statements);
  }, url);
}

async function inPostgresTransaction<T>(begin: string, work: (statements: PostgresStatements) => Promise<T>, url?: string): Promise<T> {
  const client = await postgresPool(url).connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await work(new PostgresStatements(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
