import type { z } from "zod";
import { AppError } from "../errors";
import { findUnstorableText } from "./text-rules";

/**
 * Parses input with a schema, or throws INVALID_INPUT whose field errors name each bad field
 * (the first message per field), ready for a form to show beside its inputs. Every text field
 * also follows the text rule of pasted documents (text-rules.ts): no control characters, no
 * lone surrogates.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Please correct the marked fields."): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const unstorable = findUnstorableText(result.data);
    if (unstorable) {
      const [field, reason] = unstorable;
      const fieldMessage = reason === "control" ? "Contains control characters; remove them." : "Contains a broken character (a lone surrogate).";
      throw new AppError("INVALID_INPUT", `${field === "form" ? "The input" : `The field “${field}”`} ${reason === "control" ? "contains control characters" : "contains a broken character"}.`, { [field]: fieldMessage });
    }
    return result.data;
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    fieldErrors[field] ??= issue.message;
  }
  const only = Object.values(fieldErrors);
  throw new AppError("INVALID_INPUT", only.length === 1 ? only[0]! : message, fieldErrors);
}
