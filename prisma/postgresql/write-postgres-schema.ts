// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see postgres-schema.ts).
import fs from "node:fs";
import { POSTGRES_SCHEMA, readPostgresSchemaSource } from "./postgres-schema";

fs.writeFileSync(POSTGRES_SCHEMA, readPostgresSchemaSource());
console.log(`wrote ${POSTGRES_SCHEMA}`);
