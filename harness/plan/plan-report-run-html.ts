// One plan's section of the plan report: its grade, the headline figures, the batch timeline as a chart (and as a
// table, folded), and the recommendations.
import { html, type SafeHtml } from '../report/html.js';
import { timeLabel } from '../report/time-ticks.js';
import { batchTableHtml } from '../report/batch-table-html.js';
import { scrollBox } from '../report/scroll-box.js';
import type { Grade } from './grade.js';
import { batchChart, batchSummaryId } from './plan-report-batch-chart.js';
import { batchSummary } from './plan-report-chart-words.js';
import type { PlanResult } from './run-plan.js';

export interface ReportedRun {
  readonly file: string;
  readonly result: PlanResult;
  /** The plan file's `expect.grade`, if it has one. */
  readonly expected: Grade | undefined;
}

const fmt = (value: number) => value.toLocaleString('en-US');

/** A grade in the run report's colours (report-style.ts), and so its print rules: a coloured word in a frame. */
const TONE: Readonly<Record<Grade, 'pass' | 'unknown' | 'fail'>> = { Perfect: 'pass', Good: 'pass', Investigate: 'unknown', Poor: 'fail' };

/** The grade as a coloured badge, `verdict` by a plan's name, `badge` in a table; `data-grade` lets tests and scripts read it. */
export function gradeBadge(grade: Grade, kind: 'verdict' | 'badge' = 'verdict'): SafeHtml {
  return html`<span class="${kind} ${TONE[grade]} grade-${grade.toLowerCase()}" data-grade="${grade}">${grade}</span>`;
}

/** A plan's heading: its name and grade, the word 'grade' there for a screen reader ("recommended grade Good"). */
export function planHeading(plan: string, grade: Grade): SafeHtml {
  return html`<h2>${plan} <span class="visually-hidden">grade</span> ${gradeBadge(grade)}</h2>`;
}

export function runSectionHtml({ file, result, expected }: ReportedRun, index: number): SafeHtml {
  const id = `plan-${index + 1}`;
  return html`<section class="plan" id="${id}" data-plan="${result.plan}">
${planHeading(result.plan, result.grade)}
<dl class="meta"><dt>file</dt><dd>${file}</dd><dt>seed</dt><dd>${result.seed}</dd>${expected === undefined ? null : html`<dt>expected</dt><dd>at least ${expected}</dd>`}</dl>
${figuresHtml(result)}
<h3>Batch timeline</h3>
<p id="${batchSummaryId(`${id}-batches`)}">${batchSummary(result.batchTimeline)}</p>
<figure>${scrollBox(`${result.plan}: batch chart`, batchChart(result.batchTimeline, `${id}-batches`))}
<figcaption>One bar per Test &amp; Enable batch, in the order they were enabled: the messages that belong to the batch (those first eligible for tracking in one of its mailboxes), split by what tracked them first, the router or server-side sync, and what was never tracked. The number above a bar is its untracked messages; "disabled" under it, how many of its mailboxes server-side sync had disabled when the run ended (a fault during the cutover, or a failed Test &amp; Enable not retried: their mail waits for a new Test &amp; Enable). Times are after the switch to server-side sync.</figcaption>
</figure>
${batchTableHtml(result.batchTimeline, 'switch', `${result.plan}: batch table`)}
<h3>Recommendations</h3>
<ul class="recommendations">${result.recommendations.map((r) => html`<li>${r}</li>`)}</ul>
</section>`;
}

function figuresHtml(result: PlanResult): SafeHtml {
  const c = result.counts;
  const figures: Array<[string, string, string, boolean]> = [
    ['mailboxes', 'mailboxes', fmt(result.mailboxes), false],
    ['batches', 'batches', fmt(result.batches), false],
    ['durationMs', 'switch → last enabled', timeLabel(result.durationMs), false],
    ['messages', 'messages', fmt(result.messages), false],
    ['trackedByRouter', 'tracked by router', fmt(c.trackedByRouter), false],
    ['trackedBySss', 'tracked by server-side sync', fmt(c.trackedBySss), false],
    ['untracked', 'untracked', fmt(c.untracked), c.untracked > 0],
    ['duplicates', 'duplicates', fmt(c.duplicates), c.duplicates > 0],
    ['duplicatesPrevented', 'duplicates prevented', fmt(c.duplicatesPrevented), false],
    ['lost', 'lost', fmt(c.lost), c.lost > 0],
  ];
  const reasons = Object.entries(c.untrackedByReason);
  return html`<div class="counts">${figures.map(([key, label, value, bad]) => html`<div class="count${bad ? ' bad' : ''}"><span class="value" data-figure="${key}">${value}</span><span class="name">${label}</span></div>`)}</div>
<p class="reasons">untracked by reason: ${reasons.length === 0 ? 'none' : reasons.map(([r, k], i) => html`${i > 0 ? ', ' : ''}<span data-reason="${r}">${r} ${fmt(k)}</span>`)}</p>`;
}
