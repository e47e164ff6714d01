import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";

// Prisma's CLI downloads a native schema engine, which machines without internet access cannot
// reach. Our shim runs Prisma's WebAssembly engine instead; a value set outside still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine-wasm.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // The search index (prisma/migrations/*_search_index) is SQL the schema cannot model: an FTS5
  // table with its shadow tables, and the table of what each row is. Listed as external tables
  // (a Prisma preview feature), Migrate leaves them alone instead of dropping them in the next
  // migration; prisma/migrations-match-schema.test.ts checks that it does.
  experimental: { externalTables: true },
  tables: { external: ["SearchEntry", "SearchText", "SearchText_config", "SearchText_content", "SearchText_data", "SearchText_docsize", "SearchText_idx", "SearchVocab"] },
  datasource: { url: resolveDatabaseUrl(process.env.DATABASE_URL) },
});
