// The top of the report: what ran and its verdict, the counts, and each check with its explanation and offenders.
import { NUMERIC_COUNT_NAMES, type NumericCountName } from '../../sim/ledger/counts.js';
import { html, type SafeHtml } from './html.js';
import { MESSAGE_TABLE_LIMIT } from './message-sample.js';
import { pathHtml, pathStepCount } from './path-html.js';
import type { ReportData } from './report-data.js';
import { readableDuration, timeLabel } from './time-ticks.js';
import { formatDisabledMailboxes, formatReenabledMailboxes } from '../cli/disabled-summary.js';
import { formatRouterErrors } from '../cli/router-errors-summary.js';
import { batchTableHtml } from './batch-table-html.js';
import { scrollBox } from './scroll-box.js';

/** Counts that mean trouble when above zero (a known-bad scenario may still expect them). */
const TROUBLE: ReadonlySet<NumericCountName> = new Set(['lost', 'duplicates', 'pending', 'untracked']);

export function headerHtml(data: ReportData): SafeHtml {
  const { run } = data;
  return html`<header>
<p class="kicker">mailflow-sim report</p>
<h1>${run.scenario}</h1><span class="verdict ${run.verdict}" data-verdict="${run.verdict}">${run.verdict.toUpperCase()}</span>
${data.description === null ? null : html`<p class="description">${data.description}</p>`}
<dl class="meta">
<dt>file</dt><dd>${run.file}</dd>
<dt>seed</dt><dd data-seed="${run.seed}">${run.seed}</dd>
<dt>mode</dt><dd>${run.mode}</dd>
<dt>virtual time 0</dt><dd>${data.start}</dd>
<dt>simulated</dt><dd>${timeLabel(run.simulatedMs)} (horizon ${timeLabel(data.horizonMs)}, then the drain) in ${run.events.toLocaleString('en-US')} events</dd>
<dt>trace hash</dt><dd>${run.traceHash ?? 'none (wire mode)'}</dd>
</dl>
</header>`;
}

export function countsHtml(data: ReportData): SafeHtml {
  const { counts } = data.run;
  const cards = NUMERIC_COUNT_NAMES.map((name) => html`<div class="count${TROUBLE.has(name) && counts[name] > 0 ? ' bad' : ''}"><span class="value" data-count="${name}">${counts[name].toLocaleString('en-US')}</span><span class="name">${name}</span></div>`);
  const reasons = Object.entries(counts.untrackedByReason);
  return html`<section id="counts"><h2>Counts</h2>
<div class="counts">${cards}</div>
${reasons.length === 0 ? null : html`<p class="reasons">untracked by reason: ${reasons.map(([r, c], i) => html`${i > 0 ? ', ' : ''}<span data-reason="${r}">${r} ${c.toLocaleString('en-US')}</span>`)}</p>`}
${routerErrorsHtml(data)}
${disabledHtml(data)}
${data.run.cutoverBatches === null || data.run.cutoverBatches.length === 0 ? null : html`<h3>Cutover batches</h3>
${batchTableHtml(data.run.cutoverBatches, 'start', 'Cutover batches table')}`}
</section>`;
}

/** What the router wrote to its event log, as the summary says it (a service that did not start, R8-R10's errors). */
function routerErrorsHtml(data: ReportData): SafeHtml | null {
  const [head, ...groups] = formatRouterErrors(data.run).map((line) => line.trim());
  if (head === undefined) return null;
  return html`<div id="router-errors" class="disabled"><p>${head}</p><ul>${groups.map((line) => html`<li>${line}</li>`)}</ul></div>`;
}

/** The mailboxes sync had disabled at the end (S3, S4), as the summary says them: the usual cause of untracked mail. */
function disabledHtml(data: ReportData): SafeHtml | null {
  const lines = formatDisabledMailboxes(data.run).map((line) => line.trim());
  const [head, ...rest] = lines;
  const [againHead, ...again] = formatReenabledMailboxes(data.run).map((line) => line.trim());
  if (head === undefined && againHead === undefined) return null;
  const advice = rest.pop();
  return html`${head === undefined ? null : html`<div id="disabled-mailboxes" class="disabled"><p>${head}</p><ul>${rest.map((line) => html`<li>${line}</li>`)}</ul><p class="muted">${advice ?? ''}</p></div>`}
${againHead === undefined ? null : html`<div id="reenabled-mailboxes" class="disabled"><p>${againHead}</p><ul>${again.map((line) => html`<li>${line}</li>`)}</ul></div>`}`;
}

/** Each check's head is a heading (h3, under Checks), so a screen reader can jump from check to check. */
export function checksHtml(data: ReportData): SafeHtml {
  const checks = data.run.checks.map((c) => {
    const met = c.verdict === c.expected;
    const more = c.offenderCount - c.offenders.length;
    return html`<div class="check ${met ? 'met' : 'unmet'}" data-check="${c.name}">
<h3><span class="badge ${c.verdict}">${c.verdict}</span> <span class="name">${c.name}</span> <span class="muted">expected ${c.expected}${met ? ', met' : ', NOT met'}</span></h3>
<p class="summary">${c.summary}</p>
${c.measurements === undefined ? null : html`<p class="muted">${Object.entries(c.measurements).map(([k, v], i) => html`${i > 0 ? ', ' : ''}${k} <b data-measurement="${k}">${k.endsWith('Ms') ? readableDuration(v) : v.toLocaleString('en-US')}</b>`)}</p>`}
${c.offenderCount === 0 ? null : html`<details><summary>${c.offenderCount.toLocaleString('en-US')} offending message${c.offenderCount === 1 ? '' : 's'}, each with its path</summary>
${c.offenders.map((o) => html`<p><code>${o.messageId}</code>: ${o.detail} <span class="muted">(${pathStepCount(o.path)} steps)</span></p>${pathHtml(o.path)}`)}
${more > 0 ? html`<p class="muted">… and ${more.toLocaleString('en-US')} more: ${listedText(c.offendersListed, c.offenderMessages)}, each marked with this check's name.</p>` : null}
</details>`}
</div>`;
  });
  const expectations = data.run.expectations;
  return html`<section id="checks"><h2>Checks</h2>
${checks}
${expectations.length === 0 ? null : html`<h2>Expectations</h2>
${scrollBox('Expectations table', html`<table id="expectations"><thead><tr><th>expectation</th><th>expected</th><th class="num">actual</th><th>verdict</th></tr></thead><tbody>
${expectations.map((e) => html`<tr><td class="mono">${e.name}</td><td class="mono">${e.expected}</td><td class="num">${e.actual.toLocaleString('en-US')}</td><td><span class="badge ${e.verdict}">${e.verdict}</span>${e.note === undefined ? null : html` <span class="muted">${e.note}</span>`}</td></tr>`)}
</tbody></table>`)}`}
</section>`;
}

/** Where the rest of a check's offenders are: the message table holds them all, or a sample (message-sample.ts). */
function listedText(listed: number, named: number): string {
  if (listed >= named) return 'the message table lists them all';
  const some = listed === 0 ? 'none of them' : `${listed.toLocaleString('en-US')} of the ${named.toLocaleString('en-US')} messages`;
  return `the message table lists ${some} (a page holds ${MESSAGE_TABLE_LIMIT.toLocaleString('en-US')} rows: a sample across the checks, their reasons and the run)`;
}
