import { isAppError, type AppError } from "@/lib/errors";

/** The AppError a call rejects with; fails the test if it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("Expected the call to be refused, but it succeeded.");
}
