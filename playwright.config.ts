import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build on its own port and its own SQLite file,
// in Debian's Chromium (never a downloaded browser).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM_PATH)) {
  throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    // A fresh database each run: the first start migrates it and loads the seed corpus.
    command: "rm -rf data/e2e && npm run build && npm start",
    url: `${BASE_URL}/signin`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DATABASE_URL: "file:data/e2e/e2e.db", PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
