import { MAX_DOCUMENT_BYTES } from "../documents/read-document-text";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextReason } from "../validations/text-rules";
import type { ImportPlan } from "./import-plan";
import { ImportRejected, type ImportProblem } from "./import-problems";

/**
 * The highest revision number an import may bring. Each text save adds one, and the database
 * holds 32-bit integers: a number near that limit would make every later save of the document
 * fail. No real document is revised a million times.
 */
export const MAX_IMPORTED_REVISION_NUMBER = 1_000_000;

/** The largest integer the database stores (32-bit signed). */
const MAX_STORED_INTEGER = 2_147_483_647;

/**
 * Checks everything an import plan would store by the rules the rest of the app follows: every
 * string the text rule that paste and upload apply (no control characters, no lone surrogates),
 * every text within the size limit, every number an integer the database can hold (the revision
 * number well inside it), every date a real one within years 1–9999. Refuses the whole import
 * with the records at fault named.
 */
export function checkImportPlan(plan: ImportPlan): void {
  const problems: ImportProblem[] = [];
  const problem = (where: string, message: string) => {
    if (problems.length < 20) problems.push({ where, message });
  };

  plan.documents.forEach((document, index) => {
    const where = `document ${index + 1} (${JSON.stringify(document.metadata.title.slice(0, 60))})`;
    if (!Number.isSafeInteger(document.revisionNumber) || document.revisionNumber < 1 || document.revisionNumber > MAX_IMPORTED_REVISION_NUMBER) {
      problem(where, `Its revision number (${document.revisionNumber}) must be a whole number from 1 to ${MAX_IMPORTED_REVISION_NUMBER.toLocaleString("en")}.`);
    }
    if (Buffer.byteLength(document.text, "utf8") > MAX_DOCUMENT_BYTES) problem(where, "Its text is larger than 5 MB.");
    checkValues(document.metadata, `${where}, metadata`, problem);
    checkValues({ text: document.text, reliability: document.reliability }, where, problem);
  });
  for (const annotation of plan.annotations) {
    const { where, ...values } = annotation;
    checkValues(values, where, problem);
  }
  for (const link of plan.links) {
    const { where, ...values } = link;
    checkValues(values, where, problem);
  }
  for (const [key, tag] of plan.tagDefinitions) checkValues(tag, `the tag ${JSON.stringify(key.slice(0, 60))}`, problem);

  if (problems.length > 0) throw new ImportRejected("The file holds values that cannot be stored; nothing was imported.", problems);
}

/** Walks a record's values: strings, numbers and dates, however deeply nested. */
function checkValues(value: unknown, where: string, problem: (where: string, message: string) => void, field = ""): void {
  const named = field ? `${where}: ${field}` : where;
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    if (reason) problem(named, `The text ${UNSTORABLE_TEXT_MESSAGE[reason]}.`);
  } else if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_STORED_INTEGER) problem(named, `The number ${value} is out of range.`);
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(value.getTime()) || year < 1 || year > 9999) problem(named, "The date is out of range (years 1–9999).");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkValues(item, where, problem, `${field}[${index}]`));
  } else if (value instanceof Map) {
    for (const [key, item] of value) checkValues(item, where, problem, `${field}.${String(key)}`);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) checkValues(item, where, problem, field ? `${field}.${key}` : key);
  }
}
