import { describe, expect, it } from "vitest";
import { claimQuery, claimTerms, rarestTerms } from "./claim-terms";

const expressions = (text: string) => claimTerms(text).map((term) => term.expression);

describe("claimTerms", () => {
  it("takes numbers both ways, ordinals both ways, names and stems of long words; drops common words", () => {
    const terms = expressions("The 14th Congress had 1,306 delegates, said Zinoviev; the famine took 5.2 million.");
    expect(terms).toEqual(expect.arrayContaining(['"fourteenth"', '"14"', '"1 306"', '"1306"', '"5 2"', '"Zinov"*', '"Congr"*', '"delega"*', '"famin"*']));
    expect(terms).not.toContain('"the"');
    expect(terms.indexOf('"1 306"')).toBeLessThan(terms.indexOf('"delega"*'));
  });

  it("stems Russian words and folds ё", () => {
    expect(expressions("Поддержал Зиновьева съёмочный")).toEqual(expect.arrayContaining(['"Зиновь"*', '"поддер"*', '"съемоч"*']));
  });

  it("keeps the rarest terms in their order, and none that nothing holds", () => {
    const terms = claimTerms("Kamenev spoke against Stalin at length");
    const picked = rarestTerms(terms, terms.map((_, i) => (i === 0 ? 0 : 100 - i)), 2);
    expect(picked).toHaveLength(2);
    expect(picked.map((term) => term.expression)).not.toContain(terms[0]!.expression);
    expect(picked.map((term) => terms.indexOf(term))).toEqual([...picked.map((term) => terms.indexOf(term))].sort((a, b) => a - b));
  });

  it("keeps, rarest first, only the terms whose rows together stay within the budget, and always the rarest", () => {
    const terms = claimTerms("Kamenev spoke against Stalin at length about Leningrad");
    const rows = terms.map((_, i) => [50_000, 40, 9_000, 3_000, 120_000][i % 5]!);
    const picked = rarestTerms(terms, rows, 12, 10_000).map((term) => terms.indexOf(term));
    expect(picked.map((i) => rows[i])).toEqual(expect.arrayContaining([40, 3_000]));
    expect(picked.every((i) => rows[i]! <= 3_000)).toBe(true);
    // Every term too common for the budget: the rarest still makes a query.
    expect(rarestTerms(terms, terms.map(() => 80_000), 12, 10_000)).toHaveLength(1);
  });

  it("makes an OR query with numbers and names counted twice, or none for no terms", () => {
    expect(claimQuery(claimTerms("Then Zinoviev spoke"))).toBe('"Zinov"* OR "Zinov"* OR "spoke"');
    expect(claimQuery(claimTerms("the and of"))).toBeNull();
  });
});
