/** The name to show for who made something: an imported item names its original author too. */
export function byline(item: { author: { name: string }; creditedTo?: string | null; originalAuthorName?: string | null }): string {
  const credited = item.creditedTo ?? item.originalAuthorName;
  return credited ? `${credited} (imported by ${item.author.name})` : item.author.name;
}
