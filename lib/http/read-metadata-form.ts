import { DOCUMENT_METADATA_FIELDS } from "../validations/document-metadata";

/** The metadata fields of a submitted form, as the metadata schema expects them (strings or absent). */
export function readMetadataForm(formData: FormData): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const field of DOCUMENT_METADATA_FIELDS) {
    const value = formData.get(field);
    values[field] = typeof value === "string" ? value : undefined;
  }
  return values;
}
