import { Prisma } from "./generated/prisma/client";

/** A write refused by a unique index (Prisma's P2002): two requests raced to create the same row. */
export function isUniqueConstraintError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A write to a row that is gone (Prisma's P2025): another request deleted it first. */
export function isRecordNotFoundError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
