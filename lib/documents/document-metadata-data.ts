import type { DocumentMetadata } from "../validations/document-metadata";
import { parseHistoricalDate } from "./parse-historical-date";

/** Validated metadata as database columns, with the date's sortable keys derived from its text. */
export function documentMetadataData(metadata: DocumentMetadata) {
  const dateKeys = parseHistoricalDate(metadata.dateText);
  return { ...metadata, dateSortKey: dateKeys?.sortKey ?? null, dateEndKey: dateKeys?.endKey ?? null };
}
