import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "seeds/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: ["node_modules/**", "lib/generated/**", "tests/e2e/**", "tests/integration/postgres-only/**"],
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/integration/worker-database.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
