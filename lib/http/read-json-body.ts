import { AppError } from "../errors";

/** The largest JSON body the API reads: a 5 MB text revision and its envelope. */
const MAX_JSON_BYTES = 6 * 1024 * 1024;

/** A request's JSON body, or INVALID_INPUT / PAYLOAD_TOO_LARGE with a message saying what to send. */
export async function readJsonBody(request: Request, what: string): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request is too large.");
  const raw = await request.text();
  if (raw.length > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request is too large.");
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", `Send ${what} as a JSON object.`);
  }
}
