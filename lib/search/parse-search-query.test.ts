import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-search-query";

// A real FTS5 table with the index's tokenizer: every parsed query is run against it.
const sqlite = new Database(":memory:");
sqlite.exec(`CREATE VIRTUAL TABLE t USING fts5(body, note, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
const insert = sqlite.prepare("INSERT INTO t (body, note) VALUES (?, '')");
for (const body of [
  "The Fourteenth Congress was the congress of industrialisation.",
  "The April 1925 Conference decided on industrialisation; the congress settled accounts with Zinoviev and Kamenev.",
  "The famine of 1921 took 5.2 million lives.",
  "Съезд индустриализации: Зиновьев и Каменев выступили против.",
  "1,306 delegates attended, over 1,300 by other counts.",
]) {
  insert.run(body);
}
const search = sqlite.prepare("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank").pluck();
afterAll(() => sqlite.close());

function found(query: string): number[] {
  const { match } = parseSearchQuery(query);
  return match === null ? [] : (search.all(match) as number[]);
}

describe("parseSearchQuery", () => {
  it("finds every word, anywhere in a row", () => {
    expect(found("congress industrialisation")).toEqual(expect.arrayContaining([1, 2]));
    expect(found("congress famine")).toEqual([]);
  });

  it("reads quotes as an exact phrase", () => {
    expect(found('"settled accounts"')).toEqual([2]);
    expect(found('"accounts settled"')).toEqual([]);
  });

  it("reads a trailing star as a prefix", () => {
    expect(found("industrial*").sort()).toEqual([1, 2]);
    expect(found("Камен*")).toEqual([4]);
  });

  it("reads OR between words as either", () => {
    expect(found("famine OR delegates").sort()).toEqual([3, 5]);
  });

  it("leaves out words after a minus or NOT", () => {
    expect(found("industrialisation -Zinoviev")).toEqual([1]);
    expect(found("industrialisation NOT Zinoviev")).toEqual([1]);
    expect(found('congress -"settled accounts"')).toEqual([1]);
  });

  it("finds words near each other", () => {
    expect(found("Zinoviev NEAR Kamenev")).toEqual([2]);
    expect(found("Congress NEAR/2 Zinoviev")).toEqual([]);
    expect(found("NEAR(congress Kamenev, 5)")).toEqual([2]);
  });

  it("folds case, Latin accents and ё", () => {
    expect(found("ЗИНОВЬЕВ")).toEqual([4]);
    expect(found("indûstrialisation").length).toBe(2);
    expect(parseSearchQuery("съёмка").match).toBe('"съемка"');
  });

  it("finds numbers with their punctuation as a phrase", () => {
    expect(found("1,306")).toEqual([5]);
    expect(found("1921")).toEqual([3]);
  });

  it("reads what FTS5 would reject as plain words", () => {
    expect(found('"congress industrialisation').sort()).toEqual([1, 2]);
    expect(found("body:famine")).toEqual([]);
    expect(found("famine*)")).toEqual([3]);
    expect(parseSearchQuery("*").match).toBeNull();
    expect(parseSearchQuery("OR OR AND NOT").match).toBeNull();
    expect(found("famine OR")).toEqual([3]);
    expect(found("NEAR famine")).toEqual([3]);
  });

  it("explains an empty or only-excluding search", () => {
    expect(parseSearchQuery("   ").problem).toMatch(/Type a word/);
    expect(parseSearchQuery("-famine").problem).toMatch(/cannot only leave words out/);
    expect(parseSearchQuery("famine").problem).toBeNull();
  });

  it("lists the terms searched for", () => {
    expect(parseSearchQuery('famine "settled accounts" industrial* -Trotsky').terms).toEqual(["famine", "settled accounts", "industrial*"]);
  });

  const hostile = ['"', '""', "*", "-", "-*", "NEAR(", "NEAR()", "NEAR(a b, x)", "NEAR/ a", "a NEAR/999 b", "^a", "a:b", "{body}: a", "(((a", "a)))", "a OR", "OR a", "NOT", "- -a", "\u0000", "\u0301", "a\u0301*", "\uD83D\uDE00", "a AND AND b", "''", "\\", "%_", "a'b", "𝔄𝔅*"];

  it("never makes an FTS5 syntax error from a hostile string", () => {
    for (const query of hostile) {
      const { match, problem } = parseSearchQuery(query);
      expect(match === null ? typeof problem : "ran").toMatch(/ran|string/);
      if (match !== null) expect(() => search.all(match)).not.toThrow();
    }
  });

  it("never makes an FTS5 syntax error from any string (fuzz)", () => {
    const pieces = fc.constantFrom('"', "*", "-", "(", ")", ":", "^", "{", "}", " ", "OR", "AND", "NOT", "NEAR", "NEAR/", "NEAR(", ",", "+", "5", "congress", "Зиновьев", "\u0301", "😀", "\uD800", "'");
    const query = fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 20 }).map((parts) => parts.join("")));
    fc.assert(
      fc.property(query, (text) => {
        const { match, problem } = parseSearchQuery(text);
        if (match === null) return typeof problem === "string" && problem.length > 0;
        search.all(match);
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});
