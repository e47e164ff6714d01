import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The PostgreSQL smoke flow: two app servers (two ports, one process each) on one PostgreSQL database,
// as a department runs several behind a load balancer. The cluster must be running (scripts/pg-cluster.sh
// start; .ci/run does it); this config gives the run a fresh database, builds once and starts both.
//   E2E_PORT=3240 npx playwright test --config playwright.postgres.config.ts
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SECOND_PORT = PORT + 1;
const DATABASE_URL = process.env.E2E_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:55432/workbench_e2e";
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM_PATH)) {
  throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}
// Both servers sign sessions with one secret, as a real multi-server installation must.
const env = { DATABASE_URL, NEXTAUTH_SECRET: "e2e-postgres-secret-shared-by-both-app-servers", NEXT_TELEMETRY_DISABLED: "1", WEB_CONCURRENCY: "1" };
const start = (port: number) => `PORT=${port} node scripts/start-server.mjs`;

export default defineConfig({
  testDir: "tests/e2e-postgres",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: { baseURL: `http://localhost:${PORT}`, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "postgres-two-servers",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] },
      },
    },
  ],
  webServer: [
    {
      // Migrate once (prepare-database), then start the two servers side by side.
      command: `npx tsx tests/e2e-postgres/fresh-database.ts && npm run build && npx tsx prisma/prepare-database.ts && (${start(PORT)} & ${start(SECOND_PORT)} & wait)`,
      url: `http://localhost:${PORT}/signin`,
      timeout: 420_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env,
    },
    {
      // The second server is started by the first entry's command; this one only waits for it (and,
      // finding it up, reuses it instead of starting anything).
      command: `node -e "setInterval(() => {}, 1 << 30)"`,
      url: `http://localhost:${SECOND_PORT}/signin`,
      timeout: 420_000,
      reuseExistingServer: true,
    },
  ],
});
