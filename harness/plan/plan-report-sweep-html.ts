// `--sweep N` in the plan report: per plan, each figure's median and 95th percentile over the seeds, how the runs
// graded, and the median run's recommendations.
import { formatDurationMs } from '../scenario/duration.js';
import { html, type SafeHtml } from '../report/html.js';
import { scrollBox } from '../report/scroll-box.js';
import { timeLabel } from '../report/time-ticks.js';
import type { Grade } from './grade.js';
import { planHeading } from './plan-report-run-html.js';
import type { Spread, SweepResult } from './plan-sweep.js';

export interface ReportedSweep {
  readonly file: string;
  readonly result: SweepResult;
  readonly expected: Grade | undefined;
}

const fmt = (value: number) => value.toLocaleString('en-US');

export function sweepSectionHtml({ file, result, expected }: ReportedSweep, index: number): SafeHtml {
  const c = result.counts;
  const rows: Array<[string, string, Spread, boolean, boolean]> = [
    ['messages', 'messages', result.messages, false, false],
    ['durationMs', 'duration, switch → last enabled', result.durationMs, false, false],
    ['tracked', 'tracked', c.tracked, false, false],
    ['trackedByRouter', 'by the router', c.trackedByRouter, true, false],
    ['trackedBySss', 'by server-side sync', c.trackedBySss, true, false],
    ['untracked', 'untracked', c.untracked, false, true],
    ...Object.entries(c.untrackedByReason).map(([reason, s]): [string, string, Spread, boolean, boolean] => [`untracked:${reason}`, reason, s, true, true]),
    ['duplicates', 'duplicates', c.duplicates, false, true],
    ['duplicatesPrevented', 'duplicates prevented', c.duplicatesPrevented, false, false],
    ['lost', 'lost', c.lost, false, true],
  ];
  const format = (key: string, v: number) => (key === 'durationMs' ? timeLabel(v) : fmt(v));
  const grades = Object.entries(result.grades).map(([g, k]) => `${g} ${k}`).join(', ');
  return html`<section class="plan" id="plan-${index + 1}" data-plan="${result.plan}">
${planHeading(result.plan, result.grade)}
<dl class="meta"><dt>file</dt><dd>${file}</dd><dt>seeds</dt><dd>${result.seeds.length}: ${result.seeds.join(', ')}</dd><dt>mailboxes</dt><dd>${fmt(result.mailboxes)} in ${fmt(result.batches)} batch${result.batches === 1 ? '' : 'es'}</dd><dt>runs graded</dt><dd>${grades}</dd>${expected === undefined ? null : html`<dt>expected</dt><dd>at least ${expected}</dd>`}</dl>
<p class="muted">The grade is that of the median counts. Percentiles are nearest-rank over the ${result.seeds.length} runs; red: a 95th percentile above zero where zero is the goal.</p>
${scrollBox(`${result.plan}: figures over the seeds`, html`<table class="sweep"><thead><tr><th scope="col">figure</th><th class="num" scope="col">median</th><th class="num" scope="col">p95</th></tr></thead><tbody>
${rows.map(([key, label, s, sub, zeroGoal]) => html`<tr data-figure="${key}"><th scope="row"${sub ? html` class="sub"` : null}>${label}</th><td class="num">${format(key, s.median)}</td><td class="num${zeroGoal && s.p95 > 0 ? ' bad' : ''}">${format(key, s.p95)}</td></tr>
`)}</tbody></table>`)}
<h3>Recommendations</h3>
<p class="muted">From the median run by untracked mail: seed ${result.medianRun.seed}, ${result.medianRun.untracked.toLocaleString('en-US')} untracked, duration ${formatDurationMs(result.medianRun.durationMs)}.</p>
<ul class="recommendations">${result.recommendations.map((r) => html`<li>${r}</li>`)}</ul>
</section>`;
}
