import { AppError } from "../errors";

/**
 * Reads a multipart form, refusing it as soon as more than `maxBytes` have arrived — whether or
 * not the client declared a Content-Length (a chunked upload declares none) — so an oversized
 * upload costs at most `maxBytes` of memory.
 */
export async function readLimitedForm(request: Request, { maxBytes, tooLarge, malformed }: { maxBytes: number; tooLarge: string; malformed: string }): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "multipart/form-data") throw new AppError("UNSUPPORTED_MEDIA_TYPE", malformed);
  if (!request.body) throw new AppError("INVALID_INPUT", malformed);
  let received = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.length;
        if (received > maxBytes) controller.error(new AppError("PAYLOAD_TOO_LARGE", tooLarge));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    if (received > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", tooLarge);
    throw new AppError("INVALID_INPUT", malformed);
  }
}
