/** The values of one of Prisma's generated enum objects, in schema order, as the non-empty tuple zod and `includes` want. */
export function enumValues<T extends Record<string, string>>(enumObject: T): readonly [T[keyof T], ...T[keyof T][]] {
  const [first, ...rest] = Object.values(enumObject) as T[keyof T][];
  if (first === undefined) throw new Error("An enumeration has at least one value.");
  return [first, ...rest];
}

/** Whether a value (from a form, a file, JSON) is one of an enumeration's values. */
export function isEnumValue<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}
