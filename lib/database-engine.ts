import { databaseEngineOf, type DatabaseEngine } from "./database-url";
import { getEnv } from "./env";

/** The engine of the configured database: the plain-SQL paths choose their SQLite or PostgreSQL twin by it. */
export function currentDatabaseEngine(): DatabaseEngine {
  return databaseEngineOf(getEnv().databaseUrl);
}
