import { getServerSession } from "next-auth";
import { getDb } from "../db";
import { AppError } from "../errors";
import { authOptions } from "./auth-options";

/** The signed-in person, as services receive them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in user, read from the session token and confirmed against the database (a deleted
 * account's token stops working at once). Null when nobody is signed in.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

/** Like getSessionUser, but throws UNAUTHENTICATED: for route handlers and server actions. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return user;
}
