import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cacheStatements, MAX_CACHED_STATEMENTS, sqliteConnectionOf } from "./sqlite-statement-cache";

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "statement-cache-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("cacheStatements", () => {
  it("prepares each SQL text once and binds fresh arguments on every use, as Prisma's adapter calls it", () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const prepare = vi.spyOn(db, "prepare");
    cacheStatements(db);
    for (const name of ["a", "b", "c"]) db.prepare("INSERT INTO t (name) VALUES (?)").bind([name]).run();
    const select = "SELECT name FROM t WHERE id >= ? ORDER BY id";
    expect(db.prepare(select).bind([2]).raw().all()).toEqual([["b"], ["c"]]);
    expect(db.prepare(select).bind([1]).raw().all()).toEqual([["a"], ["b"], ["c"]]);
    expect(db.prepare(select).bind([3]).columns().map((c) => c.name)).toEqual(["name"]);
    expect(db.prepare(select).reader).toBe(true);
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual(["INSERT INTO t (name) VALUES (?)", select]);
  });

  it("keeps at most MAX_CACHED_STATEMENTS, dropping the least recently used", () => {
    const db = new Database(":memory:");
    const prepare = vi.spyOn(db, "prepare");
    cacheStatements(db);
    db.prepare("SELECT 0").bind([]).get();
    for (let i = 1; i <= MAX_CACHED_STATEMENTS; i++) {
      db.prepare(`SELECT ${i}`).bind([]).get();
      db.prepare("SELECT 0").bind([]).get(); // kept recent
    }
    db.prepare("SELECT 1").bind([]).get(); // pushed out: prepared again
    expect(prepare.mock.calls.filter(([sql]) => sql === "SELECT 0")).toHaveLength(1);
    expect(prepare.mock.calls.filter(([sql]) => sql === "SELECT 1")).toHaveLength(2);
  });

  it("begins transactions IMMEDIATE, so a second process's writer waits instead of failing mid-transaction", () => {
    const file = tempFile();
    const first = new Database(file);
    first.pragma("journal_mode = WAL");
    first.exec("CREATE TABLE t (n INTEGER)");
    cacheStatements(first);
    const second = new Database(file, { timeout: 0 });
    first.prepare("BEGIN").bind([]).run();
    // The write lock is held from BEGIN on: another connection cannot write until it ends.
    expect(() => second.exec("INSERT INTO t VALUES (1)")).toThrow(/locked|busy/i);
    first.prepare("INSERT INTO t VALUES (?)").bind([2]).run();
    first.prepare("COMMIT").bind([]).run();
    second.exec("INSERT INTO t VALUES (3)");
    expect(second.prepare("SELECT n FROM t ORDER BY n").pluck().all()).toEqual([2, 3]);
    first.close();
    second.close();
  });
});

describe("sqliteConnectionOf", () => {
  it("finds the connection an adapter holds, and nothing in other objects", () => {
    const db = new Database(":memory:");
    expect(sqliteConnectionOf({ client: db })).toBe(db);
    expect(sqliteConnectionOf({ client: "not a connection" })).toBeNull();
    expect(sqliteConnectionOf({})).toBeNull();
  });
});
