import fs from "node:fs";
import path from "node:path";

/** The one description of the data model. */
export const SOURCE_SCHEMA = path.join(import.meta.dirname, "..", "schema.prisma");
/** PostgreSQL's copy of it, generated: `npx tsx prisma/postgresql/write-postgres-schema.ts`. */
export const POSTGRES_SCHEMA = path.join(import.meta.dirname, "schema.prisma");

const HEADER = `// GENERATED from ../schema.prisma by write-postgres-schema.ts: edit that file, then run
//   npx tsx prisma/postgresql/write-postgres-schema.ts
// and create the PostgreSQL migration (README "Running it for a department"). Only the provider and
// the client's output folder differ; postgres-schema.test.ts fails when the two drift apart.
`;

/**
 * The PostgreSQL schema derived from the SQLite one: same models, same enums, same indexes; the
 * datasource provider is "postgresql" and the generated client goes to lib/generated/prisma-pg
 * (Prisma 7 compiles its queries for one provider, so each engine has its own client).
 */
export function postgresSchemaFrom(source: string): string {
  const replace = (text: string, pattern: RegExp, replacement: string) => {
    if (!pattern.test(text)) throw new Error(`schema.prisma: expected to find ${pattern}`);
    return text.replace(pattern, replacement);
  };
  let schema = replace(source, /(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  schema = replace(schema, /(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"');
  return HEADER + schema;
}

export function readPostgresSchemaSource(): string {
  return postgresSchemaFrom(fs.readFileSync(SOURCE_SCHEMA, "utf8"));
}
