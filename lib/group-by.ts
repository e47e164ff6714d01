/** Adds items to `groups` by a key, each group in the items' order (for groups built a batch at a time). */
export function groupInto<T>(groups: Map<string, T[]>, items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Items grouped by a key, each group in the items' order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  return groupInto(new Map<string, T[]>(), items, key);
}
