// NUL and the C0 controls other than tab, newline, carriage return and form feed do not occur in
// real text; a lone surrogate (half of a UTF-16 pair) cannot be stored as UTF-8 at all.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes a string unfit to store as text, or null when it is fine: the one rule for pasted,
 * uploaded, edited and imported text, and for every text field a form or the API sends.
 */
export function unstorableTextReason(text: string): "control" | "surrogate" | null {
  if (CONTROL_CHARACTER.test(text)) return "control";
  if (LONE_SURROGATE.test(text)) return "surrogate";
  return null;
}

export const UNSTORABLE_TEXT_MESSAGE = {
  control: "contains control characters that only binary files have",
  surrogate: "contains a lone surrogate (half of a UTF-16 character pair), which is not text",
} as const;

/**
 * The first string field of parsed input that breaks the text rule, as [path, reason]. Passwords
 * are left alone: they are hashed, never stored or shown as text.
 */
export function findUnstorableText(value: unknown, path: string[] = []): [string, "control" | "surrogate"] | null {
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    return reason ? [path.join(".") || "form", reason] : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      if (/password/i.test(key)) continue;
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
