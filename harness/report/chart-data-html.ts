// The charts in words, for whoever cannot see them: a screen reader reads an SVG image's title and no more, so each
// chart gets a line saying what it shows (the chart points to it with aria-describedby) and its data as a folded
// table under it: the timeline's faults and operations with their times, the histogram's ranges with their counts.
import { html, type SafeHtml } from './html.js';
import { scrollBox } from './scroll-box.js';
import type { LatencyHistogram } from './latency-histogram.js';
import type { TimelineBand } from './timeline-bands.js';
import type { TimelinePoint } from './timeline-series.js';
import { timeLabel } from './time-ticks.js';

const fmt = (value: number) => value.toLocaleString('en-US');

/** The timeline in a sentence: where accepted and tracked ended, the backlog's peak and end, the lanes below. */
export function timelineSummary(points: readonly TimelinePoint[], bands: readonly TimelineBand[], endMs: number): string {
  const last = points.at(-1);
  if (last === undefined) return 'Nothing was submitted.';
  const peak = points.reduce((top, p) => (p.backlog > top.backlog ? p : top), last);
  const lanes = bands.length === 0 ? 'No fault or operation was applied.'
    : `${fmt(bands.length)} ${bands.length === 1 ? 'fault or operation is' : 'faults and operations are'} marked on it, each with its times in the table under the chart.`;
  return `By ${timeLabel(endMs)}, ${fmt(last.accepted)} messages accepted and ${fmt(last.tracked)} tracked; ${peak.backlog === 0 ? 'nothing waited in a backlog' : `the backlog was highest at ${fmt(peak.backlog)} (at ${timeLabel(peak.atMs)}) and ${fmt(last.backlog)} at the end`}. ${lanes}`;
}

/** The histogram in a sentence: its busiest range (the percentiles and the slowest are said above it). */
export function latencySummary(histogram: LatencyHistogram): string {
  const busiest = histogram.bins.reduce((top, b) => (b.count > top.count ? b : top));
  const share = Math.round((busiest.count / Math.max(1, histogram.samples)) * 100);
  return `The busiest range is ${range(busiest)}: ${fmt(busiest.count)} messages (${share}%). Each range's count is in the table under the chart.`;
}

export function bandsTable(bands: readonly TimelineBand[]): SafeHtml | null {
  if (bands.length === 0) return null;
  return dataTable('The faults and operations as a table', 'Faults and operations table', ['fault or operation', 'kind', 'from', 'to'], 2, bands.map((b) => [
    b.label, kindText(b), timeLabel(b.fromMs), b.ended ? timeLabel(b.toMs) : 'never ended',
  ]));
}

export function binsTable(histogram: LatencyHistogram): SafeHtml {
  return dataTable('The histogram as a table', 'Latency ranges table', ['latency', 'messages'], 1, histogram.bins.map((b) => [range(b), fmt(b.count)]));
}

function kindText(band: TimelineBand): string {
  const times = band.marksMs.length;
  const kind = band.partial ? 'fault on some mailboxes' : band.kind;
  return times === 0 ? kind : `${kind}, ${times === 1 ? 'once' : `${fmt(times)} times`}`;
}

const range = (bin: { fromMs: number; toMs: number }) => `${timeLabel(bin.fromMs)} to ${timeLabel(bin.toMs)}`;

/**
 * A chart's data, folded under it: the columns from `textColumns` on hold times and counts, right-aligned (the plan
 * report's charts too). `name` names its scroll box for a screen reader (scroll-box.ts).
 */
export function dataTable(summary: string, name: string, columns: readonly string[], textColumns: number, rows: ReadonlyArray<readonly string[]>): SafeHtml {
  const num = (i: number) => (i < textColumns ? null : html` class="num"`);
  return html`<details class="chart-data"><summary>${summary}</summary>${scrollBox(name, html`<table>
<thead><tr>${columns.map((c, i) => html`<th scope="col"${num(i)}>${c}</th>`)}</tr></thead>
<tbody>${rows.map((cells) => html`<tr>${cells.map((c, i) => html`<td${num(i)}>${c}</td>`)}</tr>
`)}</tbody></table>`)}</details>`;
}
