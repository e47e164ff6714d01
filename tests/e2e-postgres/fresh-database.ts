// Gives the PostgreSQL e2e run an empty database (playwright.postgres.config.ts runs this before the build).
import { createDatabase, dropDatabases } from "../integration/postgres-test-databases";

const url = new URL(process.env.DATABASE_URL ?? "");
const database = url.pathname.slice(1);
if (url.protocol !== "postgresql:" || !database.startsWith("workbench_e2e")) {
  throw new Error(`expected DATABASE_URL=postgresql://…/workbench_e2e…, got ${url.protocol}//…/${database}`);
}
await dropDatabases(url.toString(), database);
await createDatabase(url.toString(), database);
console.log(`[e2e] fresh PostgreSQL database ${database}`);
