import { AppError } from "../errors";

/** The largest JSON body the API reads, in bytes: a 5 MB text revision and its envelope. */
export const MAX_JSON_BYTES = 6 * 1024 * 1024;

/**
 * A request's JSON body, read with a byte limit (also when no Content-Length is sent), or
 * PAYLOAD_TOO_LARGE / INVALID_INPUT with a message saying what to send.
 */
export async function readJsonBody(request: Request, what: string, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  // A page on another site can send text/plain without asking first (a "simple" request); it
  // cannot send application/json without a CORS preflight, which this app never grants.
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send ${what} as JSON, with Content-Type: application/json.`);
  }
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const raw = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", `Send ${what} as a JSON object.`);
  }
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonMediaType(contentType: string | null): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}
