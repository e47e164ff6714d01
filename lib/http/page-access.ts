import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "../auth/session-user";
import { isAppError } from "../errors";

/** The signed-in user for a page, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** A page's data, or the 404 page when the service says it is not there (or not the user's). */
export async function loadOrNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
