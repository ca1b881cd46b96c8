// The report's stylesheet, inlined so the file opens anywhere with no network.
import { CHART_WIDTH } from './chart-kit.js';
import { PRINT_STACKED_CSS } from './print-stacked-table.js';
import { SCROLL_BOX_CSS } from './scroll-box.js';
import { VISUALLY_HIDDEN_CSS } from './visually-hidden.js';

export const REPORT_CSS = `
:root { --pass: #1b7f3b; --fail: #b42318; --unknown: #a15c00; --muted: #5f6368; --line: #e3e3e3; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; background: #fafafa; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0; display: inline-block; vertical-align: middle; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.kicker { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
.verdict { display: inline-block; vertical-align: middle; margin-left: 12px; padding: 3px 12px; border-radius: 4px; font-weight: 700; letter-spacing: .04em; color: #fff; }
.verdict.pass, .badge.pass { background: var(--pass); }
.verdict.fail, .badge.fail { background: var(--fail); }
.verdict.unknown, .badge.unknown, .badge.skipped { background: var(--unknown); }
.badge { display: inline-block; min-width: 52px; text-align: center; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; font-weight: 600; }
.description { max-width: 80ch; margin: 10px 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 12px 0 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
/* Wide enough for the longest name, duplicatesPrevented, at 12px; a narrower font still wraps it rather than spill. */
.counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(156px, 1fr)); gap: 8px; }
.count { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
.count .value { display: block; font-size: 22px; font-weight: 600; }
.count .name { color: var(--muted); font-size: 12px; display: block; overflow-wrap: anywhere; }
.count.bad .value { color: var(--fail); }
.reasons { margin: 8px 0 0; color: var(--muted); }
.check { border: 1px solid var(--line); border-left-width: 5px; border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
.check.met { border-left-color: var(--pass); }
.check.unmet { border-left-color: var(--fail); }
/* A check's head is an h3 for screen readers, and looks like the line it was. */
.check h3 { font: inherit; margin: 0; }
.check .name { font-weight: 600; font-family: ui-monospace, Menlo, Consolas, monospace; }
.check .summary { margin: 4px 0 0; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; max-width: 95ch; }
/* The charts, the run report's and the plan report's, are drawn at A4's printable width (${CHART_WIDTH} units,
   chart-kit.ts) with 12-unit text: at least that wide their text is 12px or more, on a screen and on paper, and grows
   with zoom; at most 1.25 times it, so that it is no more than 15px. A narrower screen scrolls the chart in its own
   box, as a wide table, never the page. */
svg.chart { width: 100%; height: auto; display: block; }
.scroll-x > svg.chart.a4-scale { min-width: ${CHART_WIDTH}px; max-width: ${Math.round(CHART_WIDTH * 1.25)}px; }
${SCROLL_BOX_CSS}
${VISUALLY_HIDDEN_CSS}
details.chart-data { margin: 6px 0 0; }
details.chart-data table { width: auto; }
table.path { width: auto; margin: 4px 0 8px; font-size: 12.5px; }
table.path td { border: 0; padding: 1px 10px 1px 0; }
table.path td.t { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.path td.s { font-weight: 600; white-space: nowrap; }
table.path tr.gap td { color: var(--muted); font-style: italic; padding-left: 2em; }
/* Where a path has less room than its three columns need (a phone; the message table's last column on a screen under about 1,250px),
   each step's detail goes under its time and step rather than into a column one letter wide. */
#message-table details, .check details { container-type: inline-size; }
@container (max-width: 34em) {
  table.path tr { display: grid; grid-template-columns: max-content 1fr; }
  table.path td.mono, table.path tr.gap td { grid-column: 1 / -1; padding-left: 2em; }
}
#message-table { table-layout: fixed; }
#message-table col.id { width: 20%; }
#message-table col.outcome { width: 13%; }
#message-table col.time { width: 7.5em; }
details > summary { cursor: pointer; color: #1a56a8; }
.outcome { overflow-wrap: anywhere; }
.outcome.bad { color: var(--fail); font-weight: 600; }
.outcome.warn { color: var(--unknown); font-weight: 600; }
.offender-of { display: block; font-size: 11.5px; color: var(--fail); }
.search { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
.search input { flex: 0 1 420px; font: inherit; padding: 5px 8px; border: 1px solid #767676; border-radius: 4px; }
.note { background: #fff8e1; border: 1px solid #f0d68a; border-radius: 4px; padding: 6px 10px; }
#message-none td { color: var(--muted); font-style: italic; }
/* A tablet, a phone, or a zoom of 150% and more: the message table's six columns would leave its Message-IDs and
   paths no room (three times take 315px), so each row stacks, its times labelled (the labels hidden from screen
   readers, which still have the table's headers). Child selectors: a path's own table inside a row stays a table. */
@media (max-width: 56em) {
  main { padding: 16px 12px 32px; }
  /* Its four columns' headers and badges took 300px of the 296 a 320px screen leaves: half the padding fits them. */
  #expectations th, #expectations td { padding: 4px 4px; }
  .search { flex-wrap: wrap; }
  #message-table, #message-table > tbody, #message-table > tfoot { display: block; }
  #message-table > thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  #message-table > * > tr { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); border-bottom: 1px solid var(--line); padding: 4px 0; }
  #message-table > * > tr[hidden], #message-table > tfoot[hidden] { display: none; }
  #message-table > * > tr > td { border: 0; padding: 1px 4px 1px 0; }
  #message-table > * > tr > td:nth-child(-n+2), #message-table > * > tr > td:nth-child(6), #message-table > tfoot td { grid-column: 1 / -1; }
  #message-table > * > tr > td.num { text-align: left; }
  #message-table > * > tr > td.num::before { display: block; font-size: 11.5px; color: var(--muted); }
  #message-table > * > tr > td.num:nth-child(3)::before { content: "accepted"; content: "accepted" / ""; }
  #message-table > * > tr > td.num:nth-child(4)::before { content: "first activity"; content: "first activity" / ""; }
  #message-table > * > tr > td.num:nth-child(5)::before { content: "latency"; content: "latency" / ""; }
  #message-table > * > tr > td.num:empty::after { content: "–"; content: "–" / "none"; }
}
/* Printed with the browser's defaults (no backgrounds), a white word on a coloured badge would vanish: the verdict
   and the badges print as coloured words in a frame. The checks' offenders print unfolded (the message table's 2,000
   paths stay folded), and the search box, of no use on paper, is left out. A chart prints at the paper's width (at
   most 1.25 times A4's, so that its text is 12 to 15px). */
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  .search { display: none; }
  .verdict, .badge { border: 1px solid currentColor; }
  .verdict.pass, .badge.pass { background: none; color: var(--pass); }
  .verdict.fail, .badge.fail { background: none; color: var(--fail); }
  .verdict.unknown, .badge.unknown, .badge.skipped { background: none; color: var(--unknown); }
  #checks details::details-content, details.batch-table::details-content { content-visibility: visible; }
  #checks details > summary, details.batch-table > summary { list-style: none; }
  .scroll-x > svg.chart.a4-scale { min-width: 0; }
  figure { break-inside: avoid; }
  /* On paper the charts are there to see; their tables, folded, would print as a bare line. */
  details.chart-data { display: none; }
  /* Nothing scrolls on paper: a table's figures and headers wrap at their spaces (a header anywhere) rather than run
     past the page's edge, where the printer cuts them. A table too wide even so prints stacked (below). */
  td.num, th.num { white-space: normal; }
  thead th { overflow-wrap: anywhere; }
}
${PRINT_STACKED_CSS}`;
