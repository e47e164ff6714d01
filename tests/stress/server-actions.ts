// Server actions over HTTP, as a replay or another session would send them: (a) a replay without an
// Origin header must be refused (the same request with the app's Origin is the control that shows
// the replay would otherwise work); (b) a password change must end the person's other sessions
// within a second (the session that made the change keeps working).
import fs from "node:fs";
import path from "node:path";
import { sessionUserId, signIn, type Account } from "./http-session";

/** The ids of the build's server actions by exported name (from Next's server-reference manifest). */
export function serverActionIds(appDir: string): Map<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(appDir, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node?: Record<string, { exportedName?: string }> };
  return new Map(Object.entries(manifest.node ?? {}).flatMap(([id, entry]) => (entry.exportedName ? [[entry.exportedName, id] as [string, string]] : [])));
}

/**
 * Calls an action of shape `(previousState, formData)` as React's client does: a multipart body
 * whose part "0" holds the arguments (`null` and a reference, "$K1", to form data 1) and whose
 * "_1_…" parts are that form data's fields (React's reply encoding, as Next's build decodes it).
 */
async function callAction(baseUrl: string, { page, actionId, cookie, fields, origin }: { page: string; actionId: string; cookie: string; fields: Record<string, string>; origin: string | null }): Promise<number> {
  const body = new FormData();
  // The fields before the root part, as React sends them: the server decodes the root as it streams in.
  for (const [name, value] of Object.entries(fields)) body.set(`_1_${name}`, value);
  body.set("0", JSON.stringify([null, "$K1"]));
  const headers: Record<string, string> = { cookie, "next-action": actionId, accept: "text/x-component" };
  if (origin !== null) headers.origin = origin;
  const response = await fetch(`${baseUrl}${page}`, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  return response.status;
}

/** Polls until `cookie` is no longer a session, for at most `limitMs`; the time it took, or null. */
async function endedWithin(baseUrl: string, cookie: string, limitMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await sessionUserId(baseUrl, cookie)) === null) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

export interface ServerActionResult {
  /** A replay of "sign out everywhere" without Origin left the session alive. */
  replayWithoutOriginRefused: boolean;
  /** The same replay with the app's Origin ended it (so the refusal above is the Origin check's doing). */
  controlAccepted: boolean;
  /** After a password change: how soon another session of the person was refused (null: not within 1 s). */
  passwordChangeRevokedMs: number | null;
  /** The session that changed the password still works. */
  changerKept: boolean;
}

export async function runServerActionChecks(baseUrl: string, appDir: string, account: Account): Promise<ServerActionResult> {
  const ids = serverActionIds(appDir);
  const signOutEverywhere = ids.get("signOutEverywhereAction");
  const changePassword = ids.get("changePasswordAction");
  if (!signOutEverywhere || !changePassword) throw new Error("The build's server-reference manifest lacks signOutEverywhereAction or changePasswordAction.");

  const victim = await signIn(baseUrl, account);
  await callAction(baseUrl, { page: "/account", actionId: signOutEverywhere, cookie: victim, fields: {}, origin: null });
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const replayWithoutOriginRefused = (await sessionUserId(baseUrl, victim)) !== null;
  await callAction(baseUrl, { page: "/account", actionId: signOutEverywhere, cookie: victim, fields: {}, origin: baseUrl });
  const controlAccepted = (await endedWithin(baseUrl, victim, 1_500)) !== null;

  const changer = await signIn(baseUrl, account);
  const other = await signIn(baseUrl, account);
  const newPassword = `${account.password}-changed`;
  await callAction(baseUrl, { page: "/account", actionId: changePassword, cookie: changer, fields: { currentPassword: account.password, newPassword }, origin: baseUrl });
  const passwordChangeRevokedMs = await endedWithin(baseUrl, other, 1_000);
  const changerKept = (await sessionUserId(baseUrl, changer)) !== null;
  return { replayWithoutOriginRefused, controlAccepted, passwordChangeRevokedMs, changerKept };
}
