import { AppError } from "../errors";

/** Every id the app makes is a cuid; this admits any short id of URL-safe characters. */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An id from a route's path, or NOT_FOUND when it cannot be one (too long, or characters no id
 * has): such a request is answered like one for an id that does not exist, without a query.
 */
export function routeId(value: string | undefined, what: string): string {
  if (value === undefined || !ID_SHAPE.test(value)) throw new AppError("NOT_FOUND", `There is no such ${what}.`);
  return value;
}
