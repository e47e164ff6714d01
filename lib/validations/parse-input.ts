import type { z } from "zod";
import { AppError } from "../errors";

/**
 * Parses input with a schema, or throws INVALID_INPUT whose field errors name each bad field
 * (the first message per field), ready for a form to show beside its inputs.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Please correct the marked fields."): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    fieldErrors[field] ??= issue.message;
  }
  const only = Object.values(fieldErrors);
  throw new AppError("INVALID_INPUT", only.length === 1 ? only[0]! : message, fieldErrors);
}
