import { describe, expect, it } from "vitest";
import { readManifestJson, readMetadataCsv } from "./metadata-overrides";
import { parseCsv } from "./parse-csv";

describe("ZIP metadata", () => {
  it("reads the seed corpus's manifest shape", () => {
    const read = readManifestJson(JSON.stringify({ about: "x", documents: [{ file: "004.txt", title: "Interview", author: "J. V. Stalin", kind: "primary", date: null, event_date: "1925-12-18" }] }));
    expect(read.ok && Object.fromEntries(read.byFile)).toEqual({ "004.txt": { title: "Interview", authors: ["J. V. Stalin"], sourceKind: "PRIMARY" } });
    expect(readManifestJson("{")).toEqual({ ok: false, reason: "manifest.json is not valid JSON." });
    expect(readManifestJson('{"files": []}').ok).toBe(false);
  });

  it("reads metadata.csv with quoted fields", () => {
    expect(parseCsv('a,"b ""q"", c"\r\n1,"two\nlines"\n')).toEqual([["a", 'b "q", c'], ["1", "two\nlines"]]);
    expect(parseCsv('a,"open')).toBeNull();
    const read = readMetadataCsv('file,title,authors,date,kind\n"letters/one.docx","Letter, first","Rykov, A.; Tomsky, M.",1925-12-01,Secondary\n');
    expect(read.ok && read.byFile.get("letters/one.docx")).toEqual({ title: "Letter, first", authors: ["Rykov, A.", "Tomsky, M."], dateText: "1925-12-01", sourceKind: "SECONDARY" });
    expect(readMetadataCsv("title\nx\n")).toEqual({ ok: false, reason: "metadata.csv needs a “file” column naming each file." });
  });
});
