/**
 * The report's only stylesheet, inlined so the file opens anywhere (no network, no fonts to fetch)
 * and prints cleanly: each document after the first starts a new page, quotes and pairs do not split across pages,
 * and verdict colours survive printing.
 */
export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --claim: #2f6fb3; --bias: #b3562f; --contradiction: #8a2fb3; --custom: #4b7d3a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem 4rem; color: var(--ink); font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 0 0 .35rem; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; color: var(--bias); }
.subtitle, .summary, .meta, .byline, figcaption, footer { color: var(--muted); font-size: .9rem; }
.citation { font-size: .95rem; margin: .2rem 0; }
.toc ol { padding-left: 1.2rem; }
.document { border-top: 2px solid var(--ink); margin-top: 2.5rem; padding-top: 1rem; }
ol.items { list-style: none; padding: 0; margin: 0; }
.item, .pair { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid var(--rule); break-inside: avoid; }
.claim { border-left-color: var(--claim); }
.bias { border-left-color: var(--bias); }
.contradiction, .pair { border-left-color: var(--contradiction); }
.custom { border-left-color: var(--custom); }
blockquote { margin: 0 0 .3rem; font-style: italic; white-space: pre-line; }
figure { margin: 0 0 .5rem; }
.relation { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; margin: .2rem 0; }
.note, .rationale, .replies { white-space: pre-line; }
.replies { margin: .3rem 0 0; padding-left: 1rem; font-size: .92rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font: 600 .8rem/1.5 "Helvetica Neue", Arial, sans-serif; background: #ececf0; }
.verdict-corroborated { background: #d7f0d9; } .verdict-disputed { background: #fdf0c8; } .verdict-refuted { background: #f8d4d4; }
.orphan { color: #a30000; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  @page { margin: 2cm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .toc { display: none; }
  .document { border-top: none; margin-top: 0; }
  .document + .document { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .badge, .item, .pair { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
