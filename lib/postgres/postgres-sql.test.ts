import { describe, expect, it } from "vitest";
import { bindPostgres, toPostgresSql } from "./postgres-sql";

describe("toPostgresSql", () => {
  it("quotes camelCase identifiers and numbers named parameters once each", () => {
    const sql = toPostgresSql(`SELECT d.id, d.dateText, creator.name AS createdByName FROM "Document" d JOIN "Membership" m ON m.workspaceId = d.workspaceId AND m.userId = @userId WHERE d.id = @documentId AND d.createdById <> @userId`);
    expect(sql.text).toBe(
      `SELECT d.id, d."dateText", creator.name AS "createdByName" FROM "Document" d JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = $1 WHERE d.id = $2 AND d."createdById" <> $1`,
    );
    expect(bindPostgres(sql, { userId: "u", documentId: "d" })).toEqual(["u", "d"]);
  });

  it("numbers ? in order and leaves literals and quoted names alone", () => {
    const sql = toPostgresSql(`SELECT "e"."workspaceId", 'camelCase ? @x' FROM "SearchEntry" e WHERE e.refId = ? AND e."documentId" = ?`);
    expect(sql.text).toBe(`SELECT "e"."workspaceId", 'camelCase ? @x' FROM "SearchEntry" e WHERE e."refId" = $1 AND e."documentId" = $2`);
    expect(bindPostgres(sql, ["r", "d"])).toEqual(["r", "d"]);
  });

  it("drops SQLite's INDEXED BY and compares the Boolean column with false/true", () => {
    const sql = toPostgresSql(`SELECT a.id FROM "Annotation" a INDEXED BY "Annotation_documentId_start_idx" JOIN "Tag" t ON t.archived = 0 WHERE archived = 1`);
    expect(sql.text).toBe(`SELECT a.id FROM "Annotation" a JOIN "Tag" t ON t."archived" = false WHERE "archived" = true`);
  });

  it("refuses values of the wrong shape", () => {
    expect(() => bindPostgres(toPostgresSql("SELECT @a"), ["x"])).toThrow(/needs an object/);
    expect(() => bindPostgres(toPostgresSql("SELECT @a"), {})).toThrow(/no value for @a/);
    expect(() => bindPostgres(toPostgresSql("SELECT ?"), { a: 1 })).toThrow(/array/);
  });
});
