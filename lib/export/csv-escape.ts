/**
 * RFC 4180 CSV, the one place in the app that writes it.
 *
 * - A field is quoted when it holds a comma, a double quote, CR or LF; inner quotes are doubled.
 * - Rows end with CRLF, the last one included.
 * - Formula-injection guard (OWASP "CSV injection"): spreadsheet programs run a cell that starts
 *   with `=`, `+`, `-`, `@`, tab or CR as a formula, so a note reading `=HYPERLINK(...)` would
 *   become a live link. Such text fields get a leading apostrophe, which spreadsheets show as
 *   plain text. This changes the field's bytes, so a program reading the CSV back sees the
 *   apostrophe; the lossless formats are the bundle and the W3C JSON-LD. Numbers are written as
 *   numbers and never guarded (a negative number is not an attack).
 */

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function escapeCsvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function formatCsvRow(fields: readonly CsvValue[]): string {
  return `${fields.map(escapeCsvField).join(",")}\r\n`;
}

/** A header row and the data rows, as one RFC 4180 text. */
export function formatCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [formatCsvRow(header)];
  for (const row of rows) lines.push(formatCsvRow(row));
  return lines.join("");
}
