// `--compare` in the plan report: the plans side by side in one table (a column per plan), and a chart of what
// separates them, untracked mail and duration. With `--sweep` the cells are medians, with the 95th percentile.
import { html, type SafeHtml } from '../report/html.js';
import { PRINT_STACKED_CLASS } from '../report/print-stacked-table.js';
import { scrollBox } from '../report/scroll-box.js';
import { timeLabel } from '../report/time-ticks.js';
import type { Grade } from './grade.js';
import { compareSummary, compareTable } from './plan-report-chart-words.js';
import { COMPARE_SUMMARY_ID, compareChart, type ComparedPlan } from './plan-report-compare-chart.js';
import { gradeBadge, type ReportedRun } from './plan-report-run-html.js';
import type { ReportedSweep } from './plan-report-sweep-html.js';
import type { Spread } from './plan-sweep.js';

interface Row {
  readonly label: string;
  readonly sub?: boolean;
  /** Each plan's cell, and whether it is trouble (above 0 where 0 is the goal). */
  readonly cells: ReadonlyArray<readonly [string, boolean]>;
}

const fmt = (value: number) => value.toLocaleString('en-US');
const plain = (value: number): readonly [string, boolean] => [fmt(value), false];
const trouble = (value: number): readonly [string, boolean] => [fmt(value), value > 0];
const reasonsOf = (all: ReadonlyArray<Record<string, unknown>>) => [...new Set(all.flatMap((r) => Object.keys(r)))].sort();

export function runComparisonHtml(runs: readonly ReportedRun[]): SafeHtml {
  const r = runs.map((run) => run.result);
  const rows: Row[] = [
    { label: 'mailboxes', cells: r.map((x) => plain(x.mailboxes)) },
    { label: 'batches', cells: r.map((x) => plain(x.batches)) },
    { label: 'duration, switch → last enabled', cells: r.map((x) => [timeLabel(x.durationMs), false]) },
    { label: 'messages', cells: r.map((x) => plain(x.messages)) },
    { label: 'tracked', cells: r.map((x) => plain(x.counts.tracked)) },
    { label: 'by the router', sub: true, cells: r.map((x) => plain(x.counts.trackedByRouter)) },
    { label: 'by server-side sync', sub: true, cells: r.map((x) => plain(x.counts.trackedBySss)) },
    { label: 'untracked', cells: r.map((x) => trouble(x.counts.untracked)) },
    ...reasonsOf(r.map((x) => x.counts.untrackedByReason)).map((reason): Row => ({ label: reason, sub: true, cells: r.map((x) => trouble(x.counts.untrackedByReason[reason] ?? 0)) })),
    { label: 'duplicates', cells: r.map((x) => trouble(x.counts.duplicates)) },
    { label: 'duplicates prevented', cells: r.map((x) => plain(x.counts.duplicatesPrevented)) },
    { label: 'lost', cells: r.map((x) => trouble(x.counts.lost)) },
  ];
  return comparisonHtml(r.map((x) => ({ name: x.plan, grade: x.grade })), rows,
    r.map((x): ComparedPlan => ({ name: x.plan, untracked: x.counts.untracked, durationMs: x.durationMs })), 'Each plan ran once, with its own seed.', false);
}

export function sweepComparisonHtml(sweeps: readonly ReportedSweep[]): SafeHtml {
  const r = sweeps.map((s) => s.result);
  // "p95" and its figure on one line: where a cell wraps (printed, PRINTED_AS_TABLE_AT_MOST) it wraps before "(p95".
  const spread = (s: Spread, format: (v: number) => string = fmt, bad = false): readonly [string, boolean] => [`${format(s.median)} (p95\u00a0${format(s.p95)})`, bad && s.p95 > 0];
  const rows: Row[] = [
    { label: 'seeds', cells: r.map((x) => plain(x.seeds.length)) },
    { label: 'mailboxes', cells: r.map((x) => plain(x.mailboxes)) },
    { label: 'batches', cells: r.map((x) => plain(x.batches)) },
    { label: 'duration, switch → last enabled', cells: r.map((x) => spread(x.durationMs, timeLabel)) },
    { label: 'messages', cells: r.map((x) => spread(x.messages)) },
    { label: 'tracked', cells: r.map((x) => spread(x.counts.tracked)) },
    { label: 'by the router', sub: true, cells: r.map((x) => spread(x.counts.trackedByRouter)) },
    { label: 'by server-side sync', sub: true, cells: r.map((x) => spread(x.counts.trackedBySss)) },
    { label: 'untracked', cells: r.map((x) => spread(x.counts.untracked, fmt, true)) },
    ...reasonsOf(r.map((x) => x.counts.untrackedByReason)).map((reason): Row => ({ label: reason, sub: true, cells: r.map((x) => spread(x.counts.untrackedByReason[reason] ?? { median: 0, p95: 0 }, fmt, true)) })),
    { label: 'duplicates', cells: r.map((x) => spread(x.counts.duplicates, fmt, true)) },
    { label: 'duplicates prevented', cells: r.map((x) => spread(x.counts.duplicatesPrevented)) },
    { label: 'lost', cells: r.map((x) => spread(x.counts.lost, fmt, true)) },
  ];
  return comparisonHtml(r.map((x) => ({ name: x.plan, grade: x.grade })), rows,
    r.map((x): ComparedPlan => ({ name: x.plan, untracked: x.counts.untracked.median, durationMs: x.durationMs.median })),
    'Each cell is the median over the seeds, with the 95th percentile; the grade is that of the median counts; the chart shows medians.', true);
}

/**
 * Up to this many plans, the side-by-side table prints on A4 portrait as a table (its cells wrap at their spaces:
 * a sweep's "median (p95 …)" and a grade badge take about 100px a plan); more, each figure prints as a block with a
 * cell per plan, each labelled with the plan's name (print-stacked-table.ts).
 */
export const PRINTED_AS_TABLE_AT_MOST = 4;

/** The table scrolls in its own box: a column per plan, and a sweep's "median (p95 …)" cells, are wider than a phone. */
function comparisonHtml(plans: ReadonlyArray<{ name: string; grade: Grade }>, rows: readonly Row[], chart: readonly ComparedPlan[], note: string, medians: boolean): SafeHtml {
  const stacked = plans.length > PRINTED_AS_TABLE_AT_MOST ? ` ${PRINT_STACKED_CLASS}` : '';
  const label = (i: number) => plans[i]?.name ?? '';
  return html`<section id="comparison"><h2>The plans side by side</h2>
<p class="muted">${note} Red: above zero where zero is the goal.</p>
${scrollBox('The plans side by side', html`<table class="side-by-side${stacked}"><thead><tr><th scope="col">figure</th>${plans.map((p) => html`<th class="num" scope="col">${p.name}</th>`)}</tr></thead><tbody>
<tr><th scope="row">grade</th>${plans.map((p, i) => html`<td class="num" data-label="${label(i)}">${gradeBadge(p.grade, 'badge')}</td>`)}</tr>
${rows.map((row) => html`<tr><th scope="row"${row.sub === true ? html` class="sub"` : null}>${row.label}</th>${row.cells.map(([text, bad], i) => html`<td class="num${bad ? ' bad' : ''}" data-label="${label(i)}">${text}</td>`)}</tr>
`)}</tbody></table>`)}
<p id="${COMPARE_SUMMARY_ID}">${compareSummary(chart, medians)}</p>
<figure>${scrollBox('Comparison chart: untracked mail and duration per plan', compareChart(chart))}
<figcaption>Untracked messages (eligible for tracking, never tracked by any path) and the cutover's duration, from the switch to server-side sync to the last mailbox enabled, per plan.</figcaption>
</figure>
${compareTable(chart)}</section>`;
}
