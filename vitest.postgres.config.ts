import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The integration suite on PostgreSQL (pure modules need no second run), plus the checks that only make
// sense there (tests/integration/postgres-only):
//   TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:55432/postgres npx vitest run --config vitest.postgres.config.ts
// .ci/run starts a throwaway cluster with scripts/pg-cluster.sh.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts"],
    // tests/integration/sqlite-only holds checks of SQLite's own plans (FTS5), with no PostgreSQL counterpart.
    exclude: ["node_modules/**", "lib/generated/**", "tests/e2e/**", "tests/integration/sqlite-only/**"],
  },
});
