/** How far a download has come: bytes so far, and the annotations the server said it will send. */
export interface DownloadProgress {
  bytes: number;
  annotations: number | null;
}

export type DownloadResult = { ok: true; filename: string; bytes: number } | { ok: false; message: string; details: string[] } | { ok: false; aborted: true };

/**
 * Fetches an export, reporting progress as the stream arrives (throttled to ~10 updates a
 * second), then hands the file to the browser's download. The export is streamed by the server,
 * so its size is not known in advance; the annotation count (X-Annotation-Count) is.
 */
export async function downloadFile(url: string, { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: DownloadProgress) => void }): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: "same-origin" });
  } catch {
    return signal.aborted ? { ok: false, aborted: true } : { ok: false, message: "The server could not be reached. Check your connection and try again.", details: [] };
  }
  if (!response.ok || !response.body) return { ok: false, ...(await readError(response)) };

  const annotations = Number(response.headers.get("X-Annotation-Count") ?? Number.NaN);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lastReport = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      if (performance.now() - lastReport > 100) {
        lastReport = performance.now();
        onProgress({ bytes, annotations: Number.isFinite(annotations) ? annotations : null });
      }
    }
  } catch {
    return signal.aborted ? { ok: false, aborted: true } : { ok: false, message: "The download broke off. Try again.", details: [] };
  }
  onProgress({ bytes, annotations: Number.isFinite(annotations) ? annotations : null });

  const filename = filenameFrom(response.headers.get("Content-Disposition")) ?? "export";
  const href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, filename, bytes };
}

async function readError(response: Response): Promise<{ message: string; details: string[] }> {
  try {
    const payload = (await response.json()) as { error?: { message?: string; details?: string[] } };
    if (payload.error?.message) return { message: payload.error.message, details: payload.error.details ?? [] };
  } catch {
    // Not JSON: fall through to the status line.
  }
  return { message: `The export failed (${response.status}). Try again.`, details: [] };
}

/** The file name of `attachment; filename="a.csv"; filename*=UTF-8''…`, preferring the UTF-8 one. */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Fall back to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
