import { Prisma } from "./generated/prisma/client";

/** A write refused by a unique index (Prisma's P2002): two requests raced to create the same row. */
export function isUniqueConstraintError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
