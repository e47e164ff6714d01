import { describe, expect, it } from "vitest";
import { escapeCsvField, formatCsv, formatCsvRow } from "./csv-escape";

describe("escapeCsvField (RFC 4180)", () => {
  it("leaves plain text alone, Cyrillic, curly quotes and astral characters included", () => {
    expect(escapeCsvField("Партия едина")).toBe("Партия едина");
    expect(escapeCsvField("the “congress of industrialisation”")).toBe("the “congress of industrialisation”");
    expect(escapeCsvField("𝔄 Беседа")).toBe("𝔄 Беседа");
    expect(escapeCsvField("")).toBe("");
  });

  it("quotes fields holding a comma, a double quote, CR or LF, and doubles inner quotes", () => {
    expect(escapeCsvField("Moscow, 1924")).toBe('"Moscow, 1924"');
    expect(escapeCsvField('the "best sons" of the party')).toBe('"the ""best sons"" of the party"');
    expect(escapeCsvField("line one\nline two")).toBe('"line one\nline two"');
    expect(escapeCsvField("line one\r\nline two")).toBe('"line one\r\nline two"');
    expect(escapeCsvField('"')).toBe('""""');
  });

  it("guards text that a spreadsheet would run as a formula with a leading apostrophe", () => {
    expect(escapeCsvField("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(escapeCsvField("+7 495 000")).toBe("'+7 495 000");
    expect(escapeCsvField("-5 votes")).toBe("'-5 votes");
    expect(escapeCsvField("@mention")).toBe("'@mention");
    expect(escapeCsvField("\tindented")).toBe("'\tindented");
    expect(escapeCsvField("\rcarriage")).toBe("\"'\rcarriage\"");
    expect(escapeCsvField('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(escapeCsvField("a = b")).toBe("a = b");
  });

  it("writes numbers as numbers, never guarded, and null or non-finite numbers as empty", () => {
    expect(escapeCsvField(-5)).toBe("-5");
    expect(escapeCsvField(0)).toBe("0");
    expect(escapeCsvField(null)).toBe("");
    expect(escapeCsvField(Number.NaN)).toBe("");
  });
});

describe("formatCsvRow and formatCsv", () => {
  it("join fields with commas and end every row, the last one included, with CRLF", () => {
    expect(formatCsvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
    expect(formatCsv(["x", "y"], [["1", 2], ["Сталин", "“90%”"]])).toBe("x,y\r\n1,2\r\nСталин,“90%”\r\n");
    expect(formatCsv(["only"], [])).toBe("only\r\n");
  });
});
