// A stand-in for one server process: registers `count` sign-in attempts for one account on its own
// connection, all at once, and prints what became of each (for login-throttle-processes.test.ts).
import { registerLoginAttempt } from "@/lib/auth/login-throttle";
import { createDatabaseClient } from "@/lib/db";
import { isAppError } from "@/lib/errors";

const [email = "", count = "1"] = process.argv.slice(2);
const db = createDatabaseClient(process.env.DATABASE_URL ?? "");
const outcomes = await Promise.all(
  Array.from({ length: Number(count) }, () =>
    registerLoginAttempt(db, email, "203.0.113.7").then(
      () => "counted",
      (error: unknown) => (isAppError(error) ? error.code : `unexpected: ${error instanceof Error ? error.message : String(error)}`),
    ),
  ),
);
await db.$disconnect();
console.log(JSON.stringify(outcomes));
