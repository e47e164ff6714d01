import type { Db, DbClient } from "./db";

function canBegin(db: DbClient): db is DbClient & Pick<Db, "$transaction"> {
  return "$transaction" in db && typeof db.$transaction === "function";
}

/**
 * Runs `work` in a transaction: a new one on a client, or (nested, which Prisma 7 allows) inside
 * the interactive transaction a service was handed, so services that take a DbClient can still
 * make several writes land together.
 */
export async function inTransaction<T>(db: DbClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  return canBegin(db) ? db.$transaction(work) : work(db);
}
