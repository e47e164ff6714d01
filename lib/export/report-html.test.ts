import { describe, expect, it } from "vitest";
import { escapeHtml } from "./html-escape";
import { formatCitation } from "./format-citation";
import { buildReportHtml } from "./report-html";
import { FIXED_NOW, HISTORY, INTERVIEW, SAMPLE_SET, SCRIPT_NOTE, UNDATED_NOTE } from "./sample-export-set";

const html = buildReportHtml(SAMPLE_SET, { now: FIXED_NOW });

/** The report's section for one document, from its opening tag to the next document's. */
function documentSection(report: string, documentId: string): string {
  const start = report.indexOf(`<section class="document" id="doc-${documentId}">`);
  if (start < 0) throw new Error(`no section for ${documentId}`);
  const next = report.indexOf(`<section class="document"`, start + 1);
  return report.slice(start, next < 0 ? report.indexOf("</main>") : next);
}

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("Партия «едина» 𝔄")).toBe("Партия «едина» 𝔄");
  });
});

describe("buildReportHtml", () => {
  it("is one self-contained HTML page: inline CSS with print rules, no scripts, nothing fetched", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc=|url\(|@import/i);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href?.startsWith("#")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("stamps the injected clock and is otherwise deterministic", () => {
    expect(html).toContain('<time datetime="2025-03-14T09:30:00.000Z">14 March 2025, 09:30 UTC</time>');
    expect(buildReportHtml(SAMPLE_SET, { now: FIXED_NOW })).toBe(html);
    const later = buildReportHtml(SAMPLE_SET, { now: new Date("2026-01-01T00:00:00.000Z") });
    expect(later.replace(/<time[^>]*>[^<]*<\/time>/, "")).toBe(html.replace(/<time[^>]*>[^<]*<\/time>/, ""));
  });

  it("escapes every piece of user text: a <script> in a note is shown, never run", () => {
    expect(html).not.toContain(SCRIPT_NOTE);
    expect(html).toContain(escapeHtml(SCRIPT_NOTE));
    expect(html).toContain("&lt;script&gt;alert(&quot;reply&quot;)&lt;/script&gt;");
    const hostile = buildReportHtml(
      {
        ...SAMPLE_SET,
        workspace: { id: "w", name: `</title><script>alert(1)</script>` },
        documents: [{ ...UNDATED_NOTE, title: `<img src=x onerror=alert(1)>`, language: `en" onmouseover="alert(1)` }],
        annotations: [],
        links: [],
      },
      { now: FIXED_NOW },
    );
    expect(hostile).not.toMatch(/<script|<img|onmouseover="/);
    expect(hostile).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;: source-criticism report</title>");
    expect(hostile).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("heads each document with its title, a citation line and its metadata", () => {
    const interview = documentSection(html, "doc-interview");
    expect(interview).toContain(`<h2>${escapeHtml(INTERVIEW.title)}</h2>`);
    expect(interview).toContain(`<p class="citation">${escapeHtml(formatCitation(INTERVIEW))}</p>`);
    expect(interview).toContain("Primary source · press · Moscow · language: ru");
    expect(documentSection(html, "doc-note")).toContain('<p class="citation">A note with no metadata. n.d.</p>');
  });

  it("lists claims in text order with their verdicts and confidence, orphans last and flagged", () => {
    const interview = documentSection(html, "doc-interview");
    const claims = interview.slice(interview.indexOf("<h3>Claims (3)</h3>"), interview.indexOf("<h3>Bias markers"));
    const order = ["approved by “more than 90%”", "The opposition are “generals without an army”", "the opposition has a minority"].map((quote) => claims.indexOf(quote));
    expect(order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] ?? 0)))).toBe(true);
    expect(claims).toContain('<span class="badge verdict-disputed">Disputed</span> confidence 40%');
    expect(claims).toContain('<span class="badge verdict-refuted">Refuted</span> confidence 90%');
    expect(claims).toContain("not placed on the current revision of the text");
    expect(claims).toContain("<strong>Борис Петров</strong> (3 January 2025): Согласен: цифра ничем не подтверждена.");
  });

  it("groups bias markers by technique, the most frequent first", () => {
    const history = documentSection(html, "doc-history");
    expect(history).toContain("<h3>Bias markers (2)</h3>");
    const twoLoaded = buildReportHtml(
      { ...SAMPLE_SET, annotations: SAMPLE_SET.annotations.map((annotation) => (annotation.id === "a-capitulators" ? { ...annotation, technique: { key: "ptc:loaded-language", name: "Loaded language" } } : annotation)) },
      { now: FIXED_NOW },
    );
    const headings = [...documentSection(twoLoaded, "doc-history").matchAll(/<h4>([^<]*)<\/h4>/g)].map((match) => match[1]);
    expect(headings).toEqual(["Loaded language (2)"]);
    const interviewHeadings = [...documentSection(html, "doc-interview").matchAll(/<h4>([^<]*)<\/h4>/g)].map((match) => match[1]);
    expect(interviewHeadings).toEqual(["Bandwagon (1)", "Loaded language (1)", "Name calling / labeling (1)"]);
  });

  it("shows each contradiction with both quotes, each with its own source's citation, the verdict and rationale", () => {
    for (const documentId of ["doc-interview", "doc-history"]) {
      const section = documentSection(html, documentId);
      const pair = section.slice(section.indexOf('<div class="pair">'), section.indexOf("</div>"));
      expect(pair).toContain("approved by “more than 90%” of the party’s members");
      expect(pair).toContain(`<figcaption>${escapeHtml(formatCitation(INTERVIEW))}</figcaption>`);
      expect(pair).toContain("the opposition was backed by the Leningrad delegation, a quarter of the congress");
      expect(pair).toContain(`<figcaption>${escapeHtml(formatCitation(HISTORY))}</figcaption>`);
      expect(pair.indexOf(INTERVIEW.title)).toBeLessThan(pair.indexOf(HISTORY.title));
      expect(pair).toContain("Second more reliable");
      expect(pair).toContain("decided by Борис Петров");
      expect(pair).toContain("voting against; “more than 90%” has no source.");
    }
  });

  it("lists a contradiction marker without a link on its own, and says when a linked annotation is not in the export", () => {
    const unlinked = buildReportHtml({ ...SAMPLE_SET, links: [] }, { now: FIXED_NOW });
    expect(documentSection(unlinked, "doc-interview")).toMatch(/<h4>Marked as contradictory, not yet linked<\/h4>[\s\S]*Партия едина\./);
    expect(documentSection(html, "doc-history")).toContain("An annotation not included in this export.");
  });

  it("says so when a document has no annotations", () => {
    const bare = buildReportHtml({ ...SAMPLE_SET, annotations: [], links: [] }, { now: FIXED_NOW });
    expect(documentSection(bare, "doc-note")).toContain("No annotations on this document.");
    expect(bare).toContain("3 documents · 0 annotations · 0 links");
  });
});
