/** A search parameter's first value: a repeated parameter (`?a=1&a=2`) arrives as an array. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type RawSearchParams = Promise<Record<string, string | string[] | undefined>>;
