/** A service's answer as it arrives over JSON: dates become ISO strings, everything else keeps its shape. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [Key in keyof T]: Wire<T[Key]> }
      : T;

/** What a service resolves to, as JSON: `Answer<typeof createLink>`. */
export type Answer<Service extends (...args: never[]) => unknown> = Wire<Awaited<ReturnType<Service>>>;

/** Builds a query string from defined values only. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** One path segment, escaped: ids come from pages and links, never trusted to be URL-safe. */
export const segment = (id: string) => encodeURIComponent(id);
