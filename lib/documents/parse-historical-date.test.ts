import { describe, expect, it } from "vitest";
import { formatDateKey, parseHistoricalDate } from "./parse-historical-date";

describe("parseHistoricalDate", () => {
  it.each([
    ["1924-01-09", 19240109, 19240109, false],
    ["1925-12", 19251200, 19251231, false],
    ["1925", 19250000, 19251231, false],
    ["c. 1925", 19250000, 19251231, true],
    ["ca. 1925", 19250000, 19251231, true],
    ["1925?", 19250000, 19251231, true],
    ["10 January 1924", 19240110, 19240110, false],
    ["January 10, 1924", 19240110, 19240110, false],
    ["18 Dec. 1925", 19251218, 19251218, false],
    ["December 1925", 19251200, 19251231, false],
    ["1945–1952", 19450000, 19521231, false],
    ["1945-1952", 19450000, 19521231, false],
    ["1945 to 1952", 19450000, 19521231, false],
    ["March 1917 – 1921", 19170300, 19211231, false],
    ["1920s", 19200000, 19291231, false],
    ["  c.  1920s ", 19200000, 19291231, true],
  ])("reads %j", (text, sortKey, endKey, approximate) => {
    expect(parseHistoricalDate(text)).toEqual({ sortKey, endKey, approximate });
  });

  it.each(["", "   ", "undated", "spring of the Great Break", "1925-13-01", "1925-02-30", "1952–1945", "Smarch 1925"])(
    "returns null for %j rather than guessing",
    (text) => {
      expect(parseHistoricalDate(text)).toBeNull();
    },
  );

  it("accepts 29 February as a day of the month (leap years are not checked)", () => {
    expect(parseHistoricalDate("1924-02-29")?.sortKey).toBe(19240229);
  });
});

describe("formatDateKey", () => {
  it("prints only the known parts", () => {
    expect(formatDateKey(19240109)).toBe("1924-01-09");
    expect(formatDateKey(19251200)).toBe("1925-12");
    expect(formatDateKey(19250000)).toBe("1925");
  });
});
