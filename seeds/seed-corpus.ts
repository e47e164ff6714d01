import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { DocumentText } from "../lib/documents/read-document-text";
import { readPastedText } from "../lib/documents/read-document-text";
import type { DocumentMetadataInput } from "../lib/validations/document-metadata";

/** The seed corpus: five accounts of the 14th Party Congress (December 1925), copied from shared/seeds. */

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      author: z.string().optional(),
      kind: z.enum(["primary", "secondary", "tertiary"]),
      genre: z.string(),
      date: z.string().nullable(),
      event_date: z.string().optional(),
      notes: z.string().optional(),
    }),
  ),
});

export interface SeedDocument {
  /** The manifest's file name: a stable key for demo annotations that refer to a document. */
  file: string;
  metadata: DocumentMetadataInput;
  content: DocumentText;
}

let cached: SeedDocument[] | undefined;

/**
 * The corpus's texts and metadata, read once per process. Paths start from the working directory
 * (the project root for every npm script and the server; bundled code has no import.meta.dirname)
 * and name the folder literally, so the build traces only seeds/corpus.
 */
export function readSeedCorpus(): SeedDocument[] {
  if (cached) return cached;
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(process.cwd(), "seeds", "corpus", "manifest.json"), "utf8")));
  const documents = manifest.documents.map((entry): SeedDocument => ({
    file: entry.file,
    metadata: {
      title: entry.title,
      authors: entry.author ? [entry.author] : [],
      dateText: entry.date,
      sourceKind: entry.kind.toUpperCase() as "PRIMARY" | "SECONDARY" | "TERTIARY",
      genre: entry.genre,
      language: "en",
      provenance: "Seed corpus of the workbench (English translations).",
      notes: [entry.notes, entry.event_date ? `Event date: ${entry.event_date}.` : undefined].filter(Boolean).join(" "),
    },
    content: readPastedText(fs.readFileSync(path.join(process.cwd(), "seeds", "corpus", path.basename(entry.file)), "utf8")),
  }));
  cached = documents;
  return documents;
}
