import { Unzip, UnzipInflate } from "fflate";
import type { z } from "zod";
import {
  BUNDLE_FILES,
  bundleAnnotationSchema,
  bundleDocumentSchema,
  bundleLinkSchema,
  bundleManifestSchema,
  type BundleAnnotation,
  type BundleDocument,
  type BundleLink,
  type BundleManifest,
} from "../export/bundle-format";
import { nextTurn } from "../next-turn";
import { ImportRejected, type ImportProblem } from "./import-problems";

/**
 * Limits for reading a bundle, set so a hostile file is refused long before it costs much: a ZIP
 * bomb is cut off after `maxUnpackedBytes` of output whatever its headers claim (they may lie).
 */
export const BUNDLE_LIMITS = {
  /** Everything the wanted entries unpack to, together (a 100,000-annotation bundle is about 70 MB). */
  maxUnpackedBytes: 256 * 1024 * 1024,
  /**
   * And at most this many times the archive's own size (plus 16 MB): workbench bundles deflate
   * JSON about 5–15 to 1, a bomb a thousand to 1, so a bomb is stopped after a few megabytes.
   */
  maxRatio: 100,
  /** Entries in the archive, wanted or not. */
  maxEntries: 100,
  /** Compressed bytes pushed to the inflater at once: bounds how far past a limit one push can go. */
  pushBytes: 16 * 1024,
  /** Problems listed before the rest are summarised. */
  maxProblems: 20,
  /** Records per file. */
  maxDocuments: 2_000,
  maxAnnotations: 250_000,
  maxLinks: 250_000,
  /** Records parsed between two turns of the event loop. */
  parseBatch: 1_000,
} as const;

export interface BundleContents {
  manifest: BundleManifest;
  documents: BundleDocument[];
  annotations: BundleAnnotation[];
  links: BundleLink[];
}

const WANTED = new Set<string>([BUNDLE_FILES.manifest, BUNDLE_FILES.documents, BUNDLE_FILES.annotations, BUNDLE_FILES.links]);

/**
 * Reads and validates a bundle ZIP (see bundle-format.ts). Every record is checked against its
 * schema; any problem — not a ZIP, a missing file, bad JSON, a field of the wrong type, too big —
 * throws ImportRejected listing what is wrong and where (file and line), so nothing is imported.
 */
export async function readBundle(zip: Uint8Array, limits: Partial<typeof BUNDLE_LIMITS> = {}): Promise<BundleContents> {
  const limit = { ...BUNDLE_LIMITS, ...limits };
  const files = unzipWanted(zip, limit);
  const problems: ImportProblem[] = [];
  const note = (problem: ImportProblem) => {
    if (problems.length < limit.maxProblems) problems.push(problem);
  };

  for (const name of WANTED) {
    if (!files.has(name)) note({ where: name, message: "This file is missing from the bundle." });
  }
  if (problems.length > 0) throw new ImportRejected("This ZIP is not a complete workbench bundle.", problems);

  const manifest = parseRecord(bundleManifestSchema, decode(files.get(BUNDLE_FILES.manifest)!, BUNDLE_FILES.manifest), BUNDLE_FILES.manifest, note);
  if (!manifest) throw new ImportRejected("The bundle's manifest cannot be read.", problems);
  const documents = await parseLines(bundleDocumentSchema, files.get(BUNDLE_FILES.documents)!, { name: BUNDLE_FILES.documents, max: limit.maxDocuments, batch: limit.parseBatch }, note);
  const annotations = await parseLines(bundleAnnotationSchema, files.get(BUNDLE_FILES.annotations)!, { name: BUNDLE_FILES.annotations, max: limit.maxAnnotations, batch: limit.parseBatch }, note);
  const links = await parseLines(bundleLinkSchema, files.get(BUNDLE_FILES.links)!, { name: BUNDLE_FILES.links, max: limit.maxLinks, batch: limit.parseBatch }, note);
  if (problems.length > 0) throw new ImportRejected("The bundle has records that cannot be imported; nothing was imported.", problems);
  return { manifest, documents, annotations, links };
}

/** A ZIP's local-file-header signature, "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function unzipWanted(zip: Uint8Array, limit: typeof BUNDLE_LIMITS): Map<string, Uint8Array[]> {
  if (!isZip(zip)) {
    throw new ImportRejected("This file is not a ZIP archive. Choose a bundle exported from the workbench (.workbench.zip) or a JSON-LD file.");
  }
  const parts = new Map<string, Uint8Array[]>();
  const maxUnpacked = Math.min(limit.maxUnpackedBytes, 16 * 1024 * 1024 + limit.maxRatio * zip.length);
  let unpacked = 0;
  let entries = 0;
  let failure: string | null = null;

  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    entries += 1;
    if (entries > limit.maxEntries) {
      failure ??= `The archive holds more than ${limit.maxEntries} files; a bundle holds five.`;
      return;
    }
    if (!WANTED.has(entry.name)) return; // Not started, so never inflated.
    if (parts.has(entry.name)) {
      failure ??= `The archive holds ${entry.name} twice.`;
      return;
    }
    const chunks: Uint8Array[] = [];
    parts.set(entry.name, chunks);
    entry.ondata = (error, data) => {
      if (failure) return;
      if (error) {
        failure = `${entry.name} is damaged (${error.message}).`;
        return;
      }
      unpacked += data.length;
      if (unpacked > maxUnpacked) {
        failure = `The bundle unpacks to more than ${Math.round(maxUnpacked / 1024 / 1024)} MB, far more than its size suggests (a “ZIP bomb”?); it was not read further.`;
        entry.terminate();
        return;
      }
      chunks.push(data);
    };
    entry.start();
  };

  try {
    for (let offset = 0; offset < zip.length && !failure; offset += limit.pushBytes) {
      const end = Math.min(zip.length, offset + limit.pushBytes);
      unzip.push(zip.subarray(offset, end), end === zip.length);
    }
  } catch (error) {
    failure ??= `The archive is damaged (${error instanceof Error ? error.message : "unreadable"}).`;
  }
  if (failure) throw new ImportRejected(failure);
  return parts;
}

/** The entry's chunks as text, decoded as they come (no second copy of the bytes). */
function decode(chunks: readonly Uint8Array[], name: string): string {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const pieces: string[] = [];
  try {
    for (const chunk of chunks) pieces.push(decoder.decode(chunk, { stream: true }));
    pieces.push(decoder.decode());
  } catch {
    throw new ImportRejected(`${name} is not UTF-8 text.`);
  }
  return pieces.join("");
}

async function parseLines<S extends z.ZodType>(
  schema: S,
  chunks: readonly Uint8Array[],
  { name, max, batch }: { name: string; max: number; batch: number },
  note: (problem: ImportProblem) => void,
): Promise<z.output<S>[]> {
  const records: z.output<S>[] = [];
  const text = decode(chunks, name);
  let lineNumber = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    lineNumber += 1;
    if (line.trim() === "") continue;
    if (records.length >= max) {
      throw new ImportRejected(`${name} holds more than ${max.toLocaleString("en")} records; split the set into smaller exports.`);
    }
    const record = parseRecord(schema, line, `${name}, line ${lineNumber}`, note);
    if (record !== undefined) records.push(record);
    if (lineNumber % batch === 0) await nextTurn();
  }
  return records;
}

function parseRecord<S extends z.ZodType>(schema: S, text: string, where: string, note: (problem: ImportProblem) => void): z.output<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    note({ where, message: `Not valid JSON (${error instanceof Error ? error.message : "unreadable"}).` });
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  note({ where, message: issue ? `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}` : "Not a valid record." });
  return undefined;
}
