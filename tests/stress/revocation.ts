// Revocation: a session cookie copied before sign-out must stop working within a second of it.
import { signIn, signOut, type Account } from "./http-session";

export interface RevocationResult {
  trials: number;
  refusedWithinOneSecond: number;
  worstMs: number | null;
}

/** Whether the copied cookie is refused by the API (a protected read answers 401). */
async function refused(baseUrl: string, cookie: string, path: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status === 401;
}

export async function runRevocation(baseUrl: string, account: Account, protectedPath: string, { trials = 5 }: { trials?: number } = {}): Promise<RevocationResult> {
  let refusedWithinOneSecond = 0;
  let worstMs: number | null = null;
  for (let i = 0; i < trials; i++) {
    const cookie = await signIn(baseUrl, account);
    if (await refused(baseUrl, cookie, protectedPath)) throw new Error(`A fresh session was refused at ${protectedPath}: the check is broken.`);
    const copy = cookie; // what an attacker copied before the user signed out
    await signOut(baseUrl, cookie);
    const started = performance.now();
    let refusedAt: number | null = null;
    while (performance.now() - started < 1_000) {
      if (await refused(baseUrl, copy, protectedPath)) {
        refusedAt = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (refusedAt !== null) {
      refusedWithinOneSecond += 1;
      worstMs = Math.max(worstMs ?? 0, refusedAt);
    }
  }
  return { trials, refusedWithinOneSecond, worstMs };
}
