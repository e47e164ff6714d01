import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text";

const samples: [string, string][] = [
  ["Правда, 20 декабря 1925 года.\n\nСъезд закончил свою работу.", "windows-1251"],
  ["Правда, 20 декабря 1925 года.\n\nСъезд закончил свою работу.", "koi8-r"],
  ["Съезд", "windows-1251"],
  ["Съезд", "koi8-r"],
  ["ПРАВДА. ОРГАН ЦК ВКП(б)", "koi8-r"],
  ["ПРАВДА. ОРГАН ЦК ВКП(б)", "windows-1251"],
  ["Größe und Übung, café, déjà vu — cela suffit pour détecter l'encodage.", "windows-1252"],
  ["Le congrès s'est ouvert à Moscou le 18 décembre; les délégués étaient nombreux.", "iso-8859-1"],
  ["Zażółć gęślą jaźń. Šťastný žluťoučký kůň úpěl ďábelské ódy.", "iso-8859-2"],
];

describe("decodeText", () => {
  it.each(samples)("detects short texts right: %s in %s", (text, encoding) => {
    expect(decodeText(new Uint8Array(iconv.encode(text, encoding)))).toEqual({ ok: true, text, encoding });
  });

  it("decodes with the user's choice, and refuses an encoding it does not know", () => {
    const bytes = new Uint8Array(iconv.encode("Съезд", "koi8-r"));
    expect(decodeText(bytes, "koi8-r")).toMatchObject({ ok: true, text: "Съезд" });
    expect(decodeText(bytes, "klingon-8")).toMatchObject({ ok: false });
  });
});
