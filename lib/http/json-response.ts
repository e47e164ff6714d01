import { ERROR_STATUS } from "../errors";
import { toServerErrorPayload } from "./server-error-payload";

/**
 * Runs a route handler's work and answers JSON: the result, or `{ error: { code, message,
 * fieldErrors } }` with the AppError's status (500 with a generic message for anything else).
 */
export async function jsonResponse<T>(work: () => Promise<T>, successStatus = 200): Promise<Response> {
  try {
    const result = await work();
    return successStatus === 204 ? new Response(null, { status: 204 }) : Response.json(result, { status: successStatus });
  } catch (error) {
    return errorResponse(error);
  }
}

/** An error as the JSON answer above gives it: for handlers whose success is not JSON. */
export function errorResponse(error: unknown): Response {
  const payload = toServerErrorPayload(error);
  const status = payload.code === "INTERNAL" ? 500 : ERROR_STATUS[payload.code];
  return Response.json({ error: payload }, { status });
}
