import { z } from "zod";
import { SOURCE_KINDS } from "../vocabulary/source-kind";

/** Empty form fields mean "not given". */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: use at most ${max.toLocaleString("en")} characters.`)
    .nullish()
    .transform((value) => (value ? value : null));

/** Authors arrive as an array (API) or as one author per line or separated by semicolons (form). */
const authorsSchema = z
  .union([z.array(z.string()), z.string()])
  .nullish()
  .transform((value) => {
    const list = value == null ? [] : Array.isArray(value) ? value : value.split(/[\n;]/);
    return list.map((name) => name.trim()).filter(Boolean);
  })
  .pipe(z.array(z.string().max(200, "Each author: use at most 200 characters.")).max(50, "List at most 50 authors."));


/** Genres offered in the form; a historian may type another. */
export const SUGGESTED_GENRES = ["official", "press", "memoir", "scholarly", "encyclopedia", "propaganda", "correspondence", "speech", "interview"];

export const documentMetadataSchema = z.object({
  title: z.string({ error: "Give the document a title." }).trim().min(1, "Give the document a title.").max(500, "Title: use at most 500 characters."),
  authors: authorsSchema,
  dateText: optionalText(100, "Date"),
  place: optionalText(200, "Place"),
  sourceKind: z
    .union([z.enum(SOURCE_KINDS), z.literal("")])
    .nullish()
    .transform((value) => (value ? value : null)),
  genre: optionalText(100, "Genre"),
  language: optionalText(35, "Language").refine((value) => value === null || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(value), {
    message: "Language: use a language code such as en, ru or de-AT.",
  }),
  provenance: optionalText(2000, "Provenance"),
  notes: optionalText(20_000, "Notes").transform((value) => value ?? ""),
  containerTitle: optionalText(500, "Published in"),
  publisher: optionalText(300, "Publisher"),
  publisherPlace: optionalText(200, "Place of publication"),
  edition: optionalText(100, "Edition"),
  volume: optionalText(50, "Volume"),
  issue: optionalText(50, "Issue"),
  pages: optionalText(50, "Pages"),
  url: optionalText(2000, "URL").refine((value) => value === null || /^https?:\/\/\S+$/i.test(value), {
    message: "URL: use an address starting with http:// or https://.",
  }),
  archiveLocation: optionalText(500, "Archive location"),
});

export type DocumentMetadataInput = z.input<typeof documentMetadataSchema>;
export type DocumentMetadata = z.output<typeof documentMetadataSchema>;

/** The metadata fields, in form order: shared by the form and the FormData reader. */
export const DOCUMENT_METADATA_FIELDS = Object.keys(documentMetadataSchema.shape) as (keyof DocumentMetadata)[];
