import { ACCEPTED_EXTENSIONS, extensionOf } from "./file-kinds";
import { readManifestJson, readMetadataCsv, type MetadataOverride } from "./metadata-overrides";
import { safeUnzip, type ZIP_LIMITS } from "./safe-unzip";

export interface CorpusZipFile {
  /** The entry's path inside the archive: "letters/1925-12-01.docx". */
  name: string;
  bytes: Uint8Array;
  metadata: MetadataOverride;
}

export type CorpusZipOutcome = { ok: true; files: CorpusZipFile[]; skipped: string[] } | { ok: false; reason: string };

const METADATA_FILES = new Set(["manifest.json", "metadata.csv"]);

function isNoise(name: string): boolean {
  return name.startsWith("__MACOSX/") || name.split("/").some((part) => part.startsWith("."));
}

/**
 * A ZIP of corpus files, with an optional manifest.json or metadata.csv at its root giving each
 * file's metadata by its path. The archive is refused whole when unsafe (see safeUnzip); entries
 * of unsupported kinds are listed as skipped.
 */
export function readCorpusZip(zip: Uint8Array, limits: Partial<typeof ZIP_LIMITS> = {}): CorpusZipOutcome {
  const accepted = new Set(ACCEPTED_EXTENSIONS.map((ext) => ext.slice(1)));
  const skipped: string[] = [];
  const unzipped = safeUnzip(
    zip,
    (name) => {
      if (name.endsWith("/") || isNoise(name)) return false;
      if (METADATA_FILES.has(name)) return true;
      if (accepted.has(extensionOf(name))) return true;
      skipped.push(name);
      return false;
    },
    limits,
  );
  if (!unzipped.ok) return unzipped;
  let overrides = new Map<string, MetadataOverride>();
  const manifest = unzipped.files.get("manifest.json");
  const csv = unzipped.files.get("metadata.csv");
  if (manifest || csv) {
    const read = manifest ? readManifestJson(new TextDecoder().decode(manifest)) : readMetadataCsv(new TextDecoder().decode(csv));
    if (!read.ok) return read;
    overrides = read.byFile;
  }
  const files: CorpusZipFile[] = [];
  for (const [name, bytes] of unzipped.files) {
    if (METADATA_FILES.has(name)) continue;
    files.push({ name, bytes, metadata: overrides.get(name) ?? overrides.get(name.split("/").pop() ?? name) ?? {} });
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  if (files.length === 0) return { ok: false, reason: "the archive holds no file the workbench can read (PDF, .docx, .html, TEI .xml, .txt, .md)." };
  return { ok: true, files, skipped };
}
