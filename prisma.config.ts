import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";

// Prisma's CLI downloads a native schema engine, which machines without internet access cannot
// reach. Our shim runs Prisma's WebAssembly engine instead; a value set outside still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma/engine/schema-engine-wasm.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: resolveDatabaseUrl(process.env.DATABASE_URL) },
});
