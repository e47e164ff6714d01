import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseEngineOf, resolveDatabaseUrl } from "./lib/database-url";

// Prisma's CLI downloads a native schema engine, which machines without internet access cannot
// reach. Our shim runs Prisma's WebAssembly engine instead; a value set outside still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine-wasm.mjs");

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
// A "postgresql://" DATABASE_URL selects PostgreSQL's schema (generated from prisma/schema.prisma) and
// its own migrations folder; search there is a tsvector column with a GIN index (prisma/postgresql/).
const postgres = databaseEngineOf(url) === "postgresql";

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  // The search index (prisma/migrations/*_search_index) is SQL the schema cannot model: an FTS5
  // table with its shadow tables, and the table of what each row is. Listed as external tables
  // (a Prisma preview feature), Migrate leaves them alone instead of dropping them in the next
  // migration; prisma/migrations-match-schema.test.ts checks that it does.
  experimental: { externalTables: true },
  tables: { external: postgres ? ["public.SearchEntry"] : ["SearchEntry", "SearchText", "SearchText_config", "SearchText_content", "SearchText_data", "SearchText_docsize", "SearchText_idx", "SearchVocab"] },
  datasource: { url },
});
