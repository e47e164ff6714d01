import { describe, expect, it } from "vitest";
import { ANNOTATION_CSV_COLUMNS, LINK_CSV_COLUMNS, buildAnnotationsCsv, buildLinksCsv } from "./annotations-csv";
import { ANNOTATIONS, LINKS, SAMPLE_SET, SCRIPT_NOTE, annotationById } from "./sample-export-set";

/** A strict RFC 4180 reader, for checking what the builders wrote: CRLF rows, quoted fields. */
function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let at = 0;
  while (at < csv.length) {
    if (csv[at] === '"') {
      field = "";
      for (at += 1; ; at += 1) {
        if (at >= csv.length) throw new Error("unterminated quoted field");
        if (csv[at] !== '"') field += csv[at];
        else if (csv[at + 1] === '"') field += csv[(at += 1)];
        else break;
      }
      at += 1;
    } else {
      const next = csv.slice(at).search(/,|\r\n/);
      const length = next < 0 ? csv.length - at : next;
      field = csv.slice(at, at + length);
      if (/["\r\n]/.test(field)) throw new Error(`unquoted field holds a quote or line break: ${JSON.stringify(field)}`);
      at += length;
    }
    row.push(field);
    if (csv.startsWith(",", at)) at += 1;
    else if (csv.startsWith("\r\n", at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else throw new Error(`expected , or CRLF at ${at}`);
  }
  if (row.length > 0) throw new Error("last row does not end with CRLF");
  return rows;
}

function recordsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(csv);
  if (!header) throw new Error("no header");
  for (const row of rows) expect(row).toHaveLength(header.length);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

describe("buildAnnotationsCsv", () => {
  const csv = buildAnnotationsCsv(SAMPLE_SET);
  const records = recordsOf(csv);
  const record = (id: string) => {
    const found = records.find((candidate) => candidate.annotation_id === id);
    if (!found) throw new Error(`no row for ${id}`);
    return found;
  };

  it("writes the header and one row per annotation, in the set's order, every row ending in CRLF", () => {
    expect(readCsv(csv)[0]).toEqual([...ANNOTATION_CSV_COLUMNS]);
    expect(records.map((row) => row.annotation_id)).toEqual(ANNOTATIONS.map((annotation) => annotation.id));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("gives offsets in code points and in UTF-16: after the leading 𝔄 they differ by one", () => {
    const claim = annotationById("a-claim-90");
    const row = record("a-claim-90");
    expect(row.start_utf16).toBe(String(claim.start));
    expect(row.end_utf16).toBe(String(claim.end));
    expect(row.start_code_point).toBe(String(claim.start - 1));
    expect(row.end_code_point).toBe(String(claim.end - 1));
    const text = SAMPLE_SET.documents[0]?.text ?? "";
    expect([...text].slice(Number(row.start_code_point), Number(row.end_code_point)).join("")).toBe(row.exact);
  });

  it("counts the astral characters inside a quote once each", () => {
    const row = record("a-across");
    expect(Number(row.end_utf16) - Number(row.start_utf16)).toBe("𝔄𝔅 marks.\r\n\r\nSecond".length);
    expect(Number(row.end_code_point) - Number(row.start_code_point)).toBe([..."𝔄𝔅 marks.\r\n\r\nSecond"].length);
    expect(row.exact).toBe("𝔄𝔅 marks.\r\n\r\nSecond");
  });

  it("leaves the code-point columns empty for an orphan and keeps its stored offsets and quote", () => {
    const row = record("a-orphan");
    expect(row).toMatchObject({ start_code_point: "", end_code_point: "", start_utf16: "3", end_utf16: "32", anchor_status: "ORPHANED", exact: "the opposition has a minority" });
  });

  it("carries quotes, context, kind, technique, verdict, confidence, tags, note, author, dates, status and reply count", () => {
    expect(record("a-claim-90")).toMatchObject({
      document_id: "doc-interview",
      document_title: "About the discussion: Interview with a Rosta correspondent",
      exact: "approved by “more than 90%” of the party’s members",
      prefix: annotationById("a-claim-90").prefix,
      suffix: ".\n\nThe opposition are “generals ",
      kind: "CLAIM",
      verdict: "DISPUTED",
      confidence: "40",
      tags: "Figures",
      visibility: "WORKSPACE",
      author_id: "u-ada",
      author: "Ada Ivanova",
      created_at: "2025-01-02T10:00:00.000Z",
      updated_at: "2025-01-05T08:15:00.000Z",
      anchor_status: "ANCHORED",
      reply_count: "2",
    });
    expect(record("a-bandwagon")).toMatchObject({ technique_key: "ptc:bandwagon", technique: "Bandwagon", verdict: "", confidence: "", author: "Борис Петров" });
    expect(record("a-heading").tags).toBe("Heading; Transcription; editorial");
    expect(record("a-united").visibility).toBe("PRIVATE");
  });

  it("keeps hostile notes as text: markup verbatim, formulas behind an apostrophe", () => {
    expect(record("a-name-calling").note).toBe(SCRIPT_NOTE);
    expect(record("a-heading").note).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(record("a-orphan").note).toBe("'-5 votes, per the minutes");
    expect(record("a-across").note).toBe("Spans a paragraph break.\nTwo lines.");
  });

  it("still writes an annotation whose document is not in the set, without its title or code points", () => {
    const lonely = { ...SAMPLE_SET, documents: [] };
    const [row] = recordsOf(buildAnnotationsCsv({ ...lonely, annotations: [annotationById("a-whining")] }));
    expect(row).toMatchObject({ annotation_id: "a-whining", document_id: "doc-interview", document_title: "", start_code_point: "", exact: "whining" });
  });

  it("writes only the header for an empty set", () => {
    expect(buildAnnotationsCsv({ ...SAMPLE_SET, annotations: [] })).toBe(`${ANNOTATION_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("buildLinksCsv", () => {
  const records = recordsOf(buildLinksCsv(SAMPLE_SET));

  it("writes one row per link with both ends' documents and quotes", () => {
    expect(readCsv(buildLinksCsv(SAMPLE_SET))[0]).toEqual([...LINK_CSV_COLUMNS]);
    expect(records.map((row) => row.link_id)).toEqual(LINKS.map((link) => link.id));
    expect(records[0]).toMatchObject({
      type: "CONTRADICTS",
      source_annotation_id: "a-claim-90",
      source_document_title: "About the discussion: Interview with a Rosta correspondent",
      source_exact: "approved by “more than 90%” of the party’s members",
      target_annotation_id: "a-leningrad",
      target_document_id: "doc-history",
      target_exact: "the opposition was backed by the Leningrad delegation, a quarter of the congress",
      verdict: "SECOND_MORE_RELIABLE",
      verdict_rationale: "The minutes record the Leningrad delegation voting against; “more than 90%” has no source.",
      verdict_by: "Борис Петров",
      author: "Ada Ivanova",
      created_at: "2025-01-06T09:00:00.000Z",
    });
  });

  it("leaves an end that is not in the set empty but keeps its id", () => {
    expect(records[3]).toMatchObject({ target_annotation_id: "a-not-in-set", target_document_id: "", target_document_title: "", target_exact: "" });
  });

  it("keeps a note with markup as text", () => {
    expect(records[2]?.note).toBe(SCRIPT_NOTE);
    expect(records[1]).toMatchObject({ verdict: "", verdict_by: "", note: "" });
  });
});
