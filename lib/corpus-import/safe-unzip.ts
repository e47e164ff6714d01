import { Unzip, UnzipInflate } from "fflate";

/**
 * Limits for reading an uploaded ZIP (a .docx, or a corpus of files), so a hostile archive is
 * refused long before it costs much: output is counted as it inflates, whatever the headers claim.
 */
export const ZIP_LIMITS = {
  /** Entries in the archive (folders included). */
  maxEntries: 1_000,
  /** Everything the wanted entries unpack to, together. */
  maxUnpackedBytes: 200 * 1024 * 1024,
  /** And at most this many times the archive's own size (plus 8 MB): text deflates ~3–10 to 1, a bomb ~1000 to 1. */
  maxRatio: 50,
  /** Compressed bytes pushed to the inflater at once: bounds how far past a limit one push can go. */
  pushBytes: 16 * 1024,
} as const;

export type UnzipOutcome = { ok: true; files: Map<string, Uint8Array> } | { ok: false; reason: string };

/** A ZIP's local-file-header signature, "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A name that could escape the folder it is unpacked into, or is not a plain relative path. */
export function unsafeEntryName(name: string): boolean {
  return name.startsWith("/") || name.includes("\\") || /^[A-Za-z]:/.test(name) || name.split("/").some((part) => part === "..") || name.includes("\0");
}

/**
 * Unpacks the entries `wanted` accepts. Refuses the whole archive (never part of it) when it is not
 * a ZIP, is damaged, holds too many entries or a name that climbs out of its folder ("../x"), or
 * unpacks to more than the limits allow (a "ZIP bomb").
 */
export function safeUnzip(zip: Uint8Array, wanted: (name: string) => boolean, limits: Partial<typeof ZIP_LIMITS> = {}): UnzipOutcome {
  const limit = { ...ZIP_LIMITS, ...limits };
  if (!looksLikeZip(zip)) return { ok: false, reason: "it is not a ZIP archive." };
  const chunks = new Map<string, Uint8Array[]>();
  const maxUnpacked = Math.min(limit.maxUnpackedBytes, 8 * 1024 * 1024 + limit.maxRatio * zip.length);
  let unpacked = 0;
  let entries = 0;
  let failure: string | null = null;

  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    entries += 1;
    if (failure) return;
    if (entries > limit.maxEntries) {
      failure = `the archive holds more than ${limit.maxEntries.toLocaleString("en")} entries; split it into smaller archives.`;
      return;
    }
    if (unsafeEntryName(entry.name)) {
      failure = `the archive holds an entry named “${entry.name.slice(0, 80)}”, which points outside the archive's folder; it was not read.`;
      return;
    }
    if (!wanted(entry.name) || entry.name.endsWith("/")) return; // never inflated
    if (chunks.has(entry.name)) {
      failure = `the archive holds “${entry.name}” twice.`;
      return;
    }
    const parts: Uint8Array[] = [];
    chunks.set(entry.name, parts);
    entry.ondata = (error, data) => {
      if (failure) return;
      if (error) {
        failure = `“${entry.name}” in the archive is damaged.`;
        return;
      }
      unpacked += data.length;
      if (unpacked > maxUnpacked) {
        failure = `the archive unpacks to more than ${Math.round(maxUnpacked / 1024 / 1024)} MB, far more than its size suggests (a “ZIP bomb”?); it was not read further.`;
        entry.terminate();
        return;
      }
      parts.push(data);
    };
    entry.start();
  };

  try {
    for (let offset = 0; offset < zip.length && !failure; offset += limit.pushBytes) {
      const end = Math.min(zip.length, offset + limit.pushBytes);
      unzip.push(zip.subarray(offset, end), end === zip.length);
    }
  } catch {
    failure ??= "the archive is damaged or truncated.";
  }
  if (failure) return { ok: false, reason: failure };
  const files = new Map<string, Uint8Array>();
  for (const [name, parts] of chunks) files.set(name, concat(parts));
  return { ok: true, files };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
