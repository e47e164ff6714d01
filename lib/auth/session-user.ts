import { AppError } from "../errors";
import { getCurrentSession, getRequestSession, type CurrentSession } from "./current-session";

/** The signed-in person, as services receive them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in user, read from the session cookie and confirmed against the database (a session
 * that was ended, or a deleted account, stops working at once). Null when nobody is signed in.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/**
 * The current session, or UNAUTHENTICATED: for route handlers (pass the request) and server
 * actions (pass nothing: it is read from the action's request headers).
 */
export async function requireSession(request?: Request): Promise<CurrentSession> {
  const session = request ? await getRequestSession(request) : await getCurrentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return session;
}

/** Like getSessionUser, but throws UNAUTHENTICATED: for route handlers and server actions. */
export async function requireSessionUser(request?: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}
