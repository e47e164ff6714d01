import { describe, expect, it } from "vitest";
import { fts5ToTsQuery } from "./fts5-to-tsquery";
import { parseSearchQuery } from "./parse-search-query";

const of = (q: string, offset = 0) => fts5ToTsQuery(parseSearchQuery(q).match!, offset);

describe("fts5ToTsQuery", () => {
  it("ANDs words and binds each as a parameter after the offset", () => {
    expect(of("famine 1921", 2)).toEqual({
      sql: "(phraseto_tsquery('simple', search_fold($3)) && phraseto_tsquery('simple', search_fold($4)))",
      params: ["famine", "1921"],
    });
  });

  it("keeps a phrase one phrase, and a prefix a prefix of its last word", () => {
    expect(of('"settling accounts"')).toEqual({ sql: "phraseto_tsquery('simple', search_fold($1))", params: ["settling accounts"] });
    expect(of("industrial*")).toEqual({ sql: "to_tsquery('simple', quote_literal(search_fold($1)) || ':*')", params: ["industrial"] });
  });

  it("reads OR and NOT", () => {
    const either = of("Zinoviev OR Kamenev");
    expect(either.sql).toBe("(phraseto_tsquery('simple', search_fold($1)) || phraseto_tsquery('simple', search_fold($2)))");
    expect(either.params.map((p) => p.toLowerCase())).toEqual(["zinoviev", "kamenev"]);
    const without = of("famine -Trotsky");
    expect(without.sql).toContain("&& !!phraseto_tsquery");
    expect(without.params).toHaveLength(2);
  });

  it("makes NEAR of two words a phrase at any step up to the distance, either way round", () => {
    const { sql, params } = of("Zinoviev NEAR/2 Kamenev");
    expect(sql.match(/tsquery_phrase\(/g)).toHaveLength(6);
    expect(sql).toContain(", 3)");
    expect(params).toHaveLength(2);
  });

  it("turns any parsed query into an expression without leftovers (hostile strings)", () => {
    for (const q of ['"unbalanced', "a OR", "(x", "body:x ^y", "NEAR(a b, 5) -c", "a NOT b OR c", "*"]) {
      const match = parseSearchQuery(q).match;
      if (match !== null) expect(() => fts5ToTsQuery(match)).not.toThrow();
    }
  });
});
