import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-pg/client";
import { databaseEngineOf } from "./database-url";
import { getEnv } from "./env";
import { cacheStatements, sqliteConnectionOf } from "./sqlite-statement-cache";

export type Db = PrismaClient;
/** A client or an interactive transaction: what services accept so callers can compose them. */
export type DbClient = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** How long a writer waits for SQLite's lock before giving up, in milliseconds. */
const BUSY_TIMEOUT_MS = 5000;

// WAL lets readers proceed while one writer writes; FULL syncs every commit, so a power cut
// loses no annotation a user was told was saved.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

function withPragmas(factory: PrismaBetterSqlite3): SqlMigrationAwareDriverAdapterFactory {
  const prepare = async (adapter: SqlDriverAdapter) => {
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await prepare(await factory.connect());
      // Statements compiled once per connection; transactions take the write lock when they begin.
      const connection = sqliteConnectionOf(adapter);
      if (connection) cacheStatements(connection);
      return adapter;
    },
    connectToShadowDb: async () => prepare(await factory.connectToShadowDb()),
  };
}

/** Connections each app process keeps to PostgreSQL (several app servers share the server's max_connections). */
const POSTGRES_POOL_SIZE = 10;

/**
 * PostgreSQL's client: generated from prisma/postgresql/schema.prisma, the same data model, so it has the
 * same models, fields and methods as the SQLite one; Prisma 7 compiles queries per provider, hence two clients.
 */
function createPostgresClient(databaseUrl: string): Db {
  const client = new PostgresPrismaClient({
    adapter: withWriteLock(new PrismaPg({ connectionString: databaseUrl, max: POSTGRES_POOL_SIZE })),
    // Round trips to a server take longer than calls into SQLite; a first sign-up seeds a workspace in one transaction.
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
  // The two generated types differ in one place only: $transaction's isolationLevel option accepts more
  // levels on PostgreSQL than SQLite's "Serializable", which TypeScript cannot match across the overloads.
  // Every call the SQLite type allows is valid on PostgreSQL's client.
  return client as unknown as Db;
}

/**
 * The key of the transaction-scoped advisory lock every PostgreSQL write transaction takes first
 * (lib/postgres/postgres-connection.ts's writers take it too).
 */
export const WRITE_LOCK_KEY = 7_355_608;

/**
 * Transactions take one advisory lock when they begin: SQLite's `BEGIN IMMEDIATE` (sqlite-statement-cache.ts),
 * one writer at a time across every app server. The services' read-check-write transactions (the
 * sign-in limits, the last owner, section edits, ...) were written for that guarantee, and READ COMMITTED
 * alone would let two of them interleave; reads outside transactions never wait for it.
 */
function withWriteLock(factory: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  const lock = async (adapter: SqlDriverAdapter) => {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      await transaction.executeRaw({ sql: `SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`, args: [], argTypes: [] });
      return transaction;
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => lock(await factory.connect()),
    connectToShadowDb: async () => lock(await factory.connectToShadowDb()),
  };
}

export function createDatabaseClient(databaseUrl: string): Db {
  if (databaseEngineOf(databaseUrl) === "postgresql") return createPostgresClient(databaseUrl);
  const adapter = withPragmas(new PrismaBetterSqlite3({ url: databaseUrl, timeout: BUSY_TIMEOUT_MS }));
  return new PrismaClient({ adapter });
}

// One client per server process; reused across hot reloads in development.
const globalForDb = globalThis as unknown as { workbenchDb?: Db };

export function getDb(): Db {
  globalForDb.workbenchDb ??= createDatabaseClient(getEnv().databaseUrl);
  return globalForDb.workbenchDb;
}
