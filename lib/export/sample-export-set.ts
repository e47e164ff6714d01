import type { ExportAnnotation, ExportDocument, ExportLink, ExportPerson, ExportSet } from "./export-model";

/**
 * A small, realistic export set for the exporters' tests, after the seed corpus: Stalin's 1924
 * interview (Russian and English, curly quotes, an astral "𝔄" before every annotation so code
 * points and UTF-16 differ), a Stalin-era party history, and an undated note with CRLF line
 * ends and no metadata. Overlapping spans, an orphan, a private annotation, replies, links within
 * and across documents and one to an annotation outside the set; hostile text in notes.
 */
export const FIXED_NOW = new Date("2025-03-14T09:30:00.000Z");

export const ADA: ExportPerson = { id: "u-ada", name: "Ada Ivanova" };
export const BORIS: ExportPerson = { id: "u-boris", name: "Борис Петров" };
export const CLEO: ExportPerson = { id: "u-cleo", name: "Cleo O’Neill" };

export const INTERVIEW: ExportDocument = {
  id: "doc-interview",
  title: "About the discussion: Interview with a Rosta correspondent",
  authors: ["Stalin, J. V."],
  dateText: "1924-01-09",
  place: "Moscow",
  sourceKind: "PRIMARY",
  genre: "press",
  language: "ru",
  provenance: "Marxists Internet Archive",
  notes: "Transcribed from the 1947 collected works.",
  containerTitle: "Pravda",
  publisher: null,
  publisherPlace: "Moscow",
  edition: null,
  volume: null,
  issue: "7",
  pages: "2",
  url: "https://www.marxists.org/reference/archive/stalin/works/1924/01/09.htm",
  archiveLocation: "RGASPI f. 558, op. 1, d. 2574",
  revisionNumber: 2,
  text: [
    "𝔄 Беседа с корреспондентом «Роста» — About the discussion",
    "Question: Is it true that the opposition has a majority? Answer: The Central Committee’s position is approved by “more than 90%” of the party’s members.",
    "The opposition are “generals without an army”; their whining about “capitulatory plans” changes nothing. Партия едина.",
  ].join("\n\n"),
};

export const HISTORY: ExportDocument = {
  id: "doc-history",
  title: "Creating the material basis of socialism",
  authors: ["Commission of the Central Committee of the C.P.S.U.(B.)"],
  dateText: "c. 1938",
  place: null,
  sourceKind: "SECONDARY",
  genre: "official party history",
  language: "en",
  provenance: null,
  notes: "",
  containerTitle: null,
  publisher: "Foreign Languages Publishing House",
  publisherPlace: "Moscow",
  edition: "2nd",
  volume: null,
  issue: null,
  pages: "270–275",
  url: null,
  archiveLocation: null,
  revisionNumber: 1,
  text: [
    "The Fourteenth Congress, the “congress of industrialisation”, opened on 18 December 1925.",
    "   The beloved leader exposed the capitulators; the opposition was backed by the Leningrad delegation, a quarter of the congress.",
  ].join("\n\n"),
};

export const UNDATED_NOTE: ExportDocument = {
  id: "doc-note",
  title: "A note with no metadata",
  authors: [],
  dateText: null,
  place: null,
  sourceKind: null,
  genre: null,
  language: null,
  provenance: null,
  notes: "",
  containerTitle: null,
  publisher: null,
  publisherPlace: null,
  edition: null,
  volume: null,
  issue: null,
  pages: null,
  url: null,
  archiveLocation: null,
  revisionNumber: 1,
  text: "A loose page. 𝔄𝔅 marks.\r\n\r\nSecond paragraph, after a CRLF blank line.",
};

type AnnotationFields = Partial<Omit<ExportAnnotation, "documentId" | "start" | "end" | "exact" | "prefix" | "suffix">> & Pick<ExportAnnotation, "id" | "kind">;

/** An annotation on `exact` as it stands in the document, with ~32 code points of context. */
export function annotate(document: ExportDocument, exact: string, fields: AnnotationFields): ExportAnnotation {
  const start = document.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${document.id}`);
  const end = start + exact.length;
  return {
    documentId: document.id,
    start,
    end,
    exact,
    prefix: [...document.text.slice(0, start)].slice(-32).join(""),
    suffix: [...document.text.slice(end)].slice(0, 32).join(""),
    technique: null,
    verdict: null,
    confidence: null,
    note: "",
    visibility: "WORKSPACE",
    tags: [],
    author: ADA,
    anchorStatus: "ANCHORED",
    createdAt: "2025-01-02T10:00:00.000Z",
    updatedAt: "2025-01-02T10:00:00.000Z",
    replies: [],
    ...fields,
  };
}

const BANDWAGON = { key: "ptc:bandwagon", name: "Bandwagon" };
const NAME_CALLING = { key: "ptc:name-calling", name: "Name calling / labeling" };
const LOADED_LANGUAGE = { key: "ptc:loaded-language", name: "Loaded language" };
const FIGURES = { key: "custom:figures", name: "Figures" };

export const SCRIPT_NOTE = `<script>alert("xss")</script> & "quoted" <b>bold</b>`;

export const ANNOTATIONS: ExportAnnotation[] = [
  annotate(INTERVIEW, "approved by “more than 90%” of the party’s members", {
    id: "a-claim-90",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 40,
    note: "No source is given for the figure; compare the congress minutes.",
    tags: [FIGURES],
    updatedAt: "2025-01-05T08:15:00.000Z",
    replies: [
      { id: "r-1", body: "Согласен: цифра ничем не подтверждена.", author: BORIS, createdAt: "2025-01-03T12:00:00.000Z" },
      { id: "r-2", body: `<script>alert("reply")</script>`, author: CLEO, createdAt: "2025-01-04T12:00:00.000Z" },
    ],
  }),
  // Nested inside the claim above.
  annotate(INTERVIEW, "“more than 90%”", { id: "a-bandwagon", kind: "BIAS_MARKER", technique: BANDWAGON, author: BORIS }),
  annotate(INTERVIEW, "The opposition are “generals without an army”", { id: "a-claim-generals", kind: "CLAIM", verdict: "UNVERIFIED" }),
  // Overlaps the claim above partly: starts inside it, ends after it.
  annotate(INTERVIEW, "“generals without an army”; their whining about “capitulatory plans”", {
    id: "a-name-calling",
    kind: "BIAS_MARKER",
    technique: NAME_CALLING,
    note: SCRIPT_NOTE,
    author: CLEO,
  }),
  annotate(INTERVIEW, "whining", { id: "a-whining", kind: "BIAS_MARKER", technique: LOADED_LANGUAGE }),
  annotate(INTERVIEW, "Партия едина.", { id: "a-united", kind: "CONTRADICTION", note: "Compare the Leningrad delegation’s vote.", visibility: "PRIVATE", author: BORIS }),
  annotate(INTERVIEW, "𝔄 Беседа с корреспондентом «Роста»", {
    id: "a-heading",
    kind: "CUSTOM",
    tags: [{ key: "custom:heading", name: "Heading" }, { key: "custom:transcription", name: "Transcription; editorial" }],
    note: `=HYPERLINK("http://evil.example","click")`,
  }),
  {
    ...annotate(INTERVIEW, "the opposition has a majority", { id: "a-orphan", kind: "CLAIM", verdict: "REFUTED", confidence: 90, note: "-5 votes, per the minutes" }),
    // Offsets from an older revision: they no longer hold the quote.
    start: 3,
    end: 32,
    exact: "the opposition has a minority",
    anchorStatus: "ORPHANED",
  },
  annotate(HISTORY, "the opposition was backed by the Leningrad delegation, a quarter of the congress", {
    id: "a-leningrad",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 75,
    author: CLEO,
  }),
  annotate(HISTORY, "The beloved leader", { id: "a-beloved", kind: "BIAS_MARKER", technique: LOADED_LANGUAGE }),
  annotate(HISTORY, "capitulators", { id: "a-capitulators", kind: "BIAS_MARKER", technique: NAME_CALLING }),
  annotate(HISTORY, "the “congress of industrialisation”", {
    id: "a-industrialisation",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 60,
    note: "003 says the April 1925 Conference decided on industrialisation.",
  }),
  // Crosses the CRLF blank line between the note's two paragraphs.
  annotate(UNDATED_NOTE, "𝔄𝔅 marks.\r\n\r\nSecond", { id: "a-across", kind: "CUSTOM", note: "Spans a paragraph break.\nTwo lines." }),
];

export const LINKS: ExportLink[] = [
  {
    id: "l-size",
    sourceAnnotationId: "a-claim-90",
    targetAnnotationId: "a-leningrad",
    type: "CONTRADICTS",
    note: "Cross-document: the size of the opposition.",
    verdict: "SECOND_MORE_RELIABLE",
    verdictRationale: "The minutes record the Leningrad delegation voting against; “more than 90%” has no source.",
    author: ADA,
    verdictBy: BORIS,
    createdAt: "2025-01-06T09:00:00.000Z",
  },
  {
    id: "l-responds",
    sourceAnnotationId: "a-united",
    targetAnnotationId: "a-claim-generals",
    type: "RESPONDS_TO",
    note: "",
    verdict: null,
    verdictRationale: "",
    author: BORIS,
    verdictBy: null,
    createdAt: "2025-01-06T10:00:00.000Z",
  },
  {
    id: "l-united",
    sourceAnnotationId: "a-united",
    targetAnnotationId: "a-leningrad",
    type: "CONTRADICTS",
    note: SCRIPT_NOTE,
    verdict: "UNRESOLVED",
    verdictRationale: "",
    author: CLEO,
    verdictBy: null,
    createdAt: "2025-01-07T10:00:00.000Z",
  },
  {
    id: "l-outside",
    sourceAnnotationId: "a-leningrad",
    targetAnnotationId: "a-not-in-set",
    type: "CORROBORATES",
    note: "The other end was filtered out of this export.",
    verdict: null,
    verdictRationale: "",
    author: ADA,
    verdictBy: null,
    createdAt: "2025-01-08T10:00:00.000Z",
  },
];

export const SAMPLE_SET: ExportSet = {
  workspace: { id: "ws-congress", name: "The 14th Congress, 1925" },
  documents: [INTERVIEW, HISTORY, UNDATED_NOTE],
  annotations: ANNOTATIONS,
  links: LINKS,
};

export function annotationById(id: string): ExportAnnotation {
  const annotation = ANNOTATIONS.find((candidate) => candidate.id === id);
  if (!annotation) throw new Error(`No annotation ${id} in the sample set`);
  return annotation;
}
