import { headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { getDb } from "../db";
import { getEnv } from "../env";
import { findLiveSession } from "./find-live-session";
import { cacheSession, cachedSession, type CachedSession } from "./live-session-cache";
import { readSessionCookie } from "./session-cookie";

/** The signed-in person and the id of the session they are signed in with. */
export type CurrentSession = CachedSession;

/**
 * What a Cookie header's session token stands for: the user, when the token is genuine, unexpired,
 * and its session row still exists (it is deleted on sign-out, on a password change for the other
 * sessions, and by "sign out everywhere"). Null otherwise.
 */
export async function readSession(cookieHeader: string | null | undefined): Promise<CurrentSession | null> {
  const token = readSessionCookie(cookieHeader);
  if (!token) return null;
  const cached = cachedSession(token);
  if (cached !== undefined) return cached;
  const session = await lookUpSession(token);
  cacheSession(token, session);
  return session;
}

async function lookUpSession(token: string): Promise<CurrentSession | null> {
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret: getEnv().authSecret });
  } catch {
    return null;
  }
  const sessionId = payload?.sid;
  if (typeof sessionId !== "string") return null;
  const user = await findLiveSession(getDb(), sessionId);
  if (!user || user.id !== payload?.uid) return null;
  return { sessionId, user };
}

/** The session of the request a route handler is answering. */
export function getRequestSession(request: Request): Promise<CurrentSession | null> {
  return readSession(request.headers.get("cookie"));
}

/**
 * The session of the request being rendered or acting (pages, layouts, server actions): read once
 * per request however many components ask for it.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => readSession((await headers()).get("cookie")));
