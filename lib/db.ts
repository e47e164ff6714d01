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
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: POSTGRES_POOL_SIZE }) });
  // The two generated types differ in one place only: $transaction's isolationLevel option accepts more
  // levels on PostgreSQL than SQLite's "Serializable", which TypeScript cannot match across the overloads.
  // Every call the SQLite type allows is valid on PostgreSQL's client.
  return client as unknown as Db;
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
