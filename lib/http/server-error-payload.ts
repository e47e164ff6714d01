import { isRecordNotFoundError } from "../db-errors";
import { AppError, toErrorPayload, type ErrorPayload } from "../errors";

/**
 * What a route handler or server action answers for a failure. A row that vanished between the
 * access check and the write (another request deleted it) is NOT_FOUND, not a server error.
 */
export function toServerErrorPayload(error: unknown): ErrorPayload {
  if (isRecordNotFoundError(error)) return toErrorPayload(new AppError("NOT_FOUND", "That item no longer exists; someone may have just deleted it."));
  return toErrorPayload(error);
}
