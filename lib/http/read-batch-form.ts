import { z } from "zod";
import { AppError } from "../errors";
import { parseInput } from "../validations/parse-input";
import { readLimitedForm } from "./read-limited-form";

/** All files of one batch request together. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;

const metadataByNameSchema = z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])));
const encodingByNameSchema = z.record(z.string(), z.string().max(40));

function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (typeof value !== "string" || !value.trim()) return {};
  try {
    return JSON.parse(value);
  } catch {
    throw new AppError("INVALID_INPUT", `The “${name}” field is not valid JSON.`, { [name]: "Not valid JSON." });
  }
}

/** A batch upload's files and options, read under the size limit. */
export async function readBatchForm(request: Request) {
  const form = await readLimitedForm(request, {
    maxBytes: MAX_BATCH_BYTES,
    tooLarge: `The upload is larger than ${MAX_BATCH_BYTES / 1024 / 1024} MB. Send the files in several batches.`,
    malformed: "Send the files as a form (multipart/form-data) with one or more “file” fields.",
  });
  const files = await Promise.all(
    form
      .getAll("file")
      .filter((value): value is File => value instanceof File)
      .map(async (file) => ({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  if (files.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one file.", { file: "Choose at least one file." });
  return {
    files,
    metadataByName: parseInput(metadataByNameSchema, jsonField(form, "metadata"), "The “metadata” field must map file names to their fields."),
    encodingByName: parseInput(encodingByNameSchema, jsonField(form, "encodings"), "The “encodings” field must map file names to encodings."),
    include: form.has("include") ? parseInput(z.array(z.string()).max(5_000), jsonField(form, "include"), "The “include” field must list file names.") : undefined,
    dryRun: ["1", "true"].includes(String(form.get("dryRun") ?? "")),
  };
}
