import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { resolveDatabaseUrl } from "./database-url";

/** Where a locally generated session secret is kept when NEXTAUTH_SECRET is not configured. */
export const LOCAL_SECRET_FILE = "data/.nextauth-secret";

const envSchema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  NEXTAUTH_URL: z
    .string()
    .refine((value) => /^https?:\/\/[^/]/i.test(value) && URL.canParse(value), "NEXTAUTH_URL must be an http(s) URL such as https://workbench.example.org")
    .optional(),
  TRUST_PROXY: z.enum(["0", "1", "false", "true"], "TRUST_PROXY must be 1 (behind a reverse proxy) or 0").optional(),
});

export interface AppEnv {
  databaseUrl: string;
  /** The secret that signs session tokens. */
  authSecret: string;
  /** True when the operator set NEXTAUTH_SECRET: a real deployment, where no demo account is made. */
  authSecretConfigured: boolean;
  nodeEnv: "development" | "production" | "test";
  /** The site's public origin (from NEXTAUTH_URL), or null to take it from each request's Host. */
  publicOrigin: string | null;
  /**
   * True when a reverse proxy in front sets X-Forwarded-For/-Host/-Proto (TRUST_PROXY=1); only then
   * are those headers believed, for the sign-in limits and for the site's own origin.
   */
  trustProxy: boolean;
}

let cached: AppEnv | undefined;

/** The validated environment, read once. Throws a readable message for a bad configuration. */
export function getEnv(): AppEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { DATABASE_URL, NEXTAUTH_SECRET, NODE_ENV, NEXTAUTH_URL, TRUST_PROXY } = parsed.data;
  cached = {
    databaseUrl: resolveDatabaseUrl(DATABASE_URL),
    authSecret: NEXTAUTH_SECRET ?? readOrCreateLocalSecret(),
    authSecretConfigured: NEXTAUTH_SECRET !== undefined,
    nodeEnv: NODE_ENV,
    publicOrigin: NEXTAUTH_URL === undefined ? null : new URL(NEXTAUTH_URL).origin,
    trustProxy: TRUST_PROXY === "1" || TRUST_PROXY === "true",
  };
  return cached;
}

/**
 * A secret for local use, generated once and kept beside the database so that sessions survive
 * restarts. A deployment sets NEXTAUTH_SECRET instead.
 */
export function readOrCreateLocalSecret(cwd: string = process.cwd()): string {
  const file = path.resolve(cwd, LOCAL_SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet: create it below
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
