// A cutover's Test & Enable batches as an HTML table, folded: the plan report's, and the run report's for a scenario
// with `sss.cutover` (the same figures as `mailflow plan` gives per batch, harness/plan/plan-metrics.ts).
import { html, type SafeHtml } from './html.js';
import { scrollBox } from './scroll-box.js';
import { readableDuration, timeLabel } from './time-ticks.js';
import type { BatchFigures } from '../plan/plan-metrics.js';

const fmt = (value: number) => value.toLocaleString('en-US');

/**
 * `from`: the times after the switch (a plan's terms) or after the start (a run's, as the rest of its report). `name`
 * names its scroll box for a screen reader (scroll-box.ts), the plan's name in it where a page has several.
 */
export function batchTableHtml(batches: readonly BatchFigures[], from: 'switch' | 'start', name: string): SafeHtml {
  const origin = from === 'switch' ? batches[0]?.enabledAtMs ?? 0 : 0;
  const latency = (ms: number | null) => (ms === null ? '–' : readableDuration(ms));
  return html`<details class="batch-table"><summary>The batch figures as a table</summary>
${scrollBox(name, html`<table class="batches"><thead><tr><th class="num" scope="col">batch</th><th class="num" scope="col">${from === 'switch' ? 'tested after switch' : 'tested at'}</th><th class="num" scope="col">mailboxes</th><th class="num" scope="col">set to fail</th><th class="num" scope="col">disabled at end</th><th class="num" scope="col">by router</th><th class="num" scope="col">by sync</th><th class="num" scope="col">backlog</th><th class="num" scope="col">untracked</th><th scope="col">untracked by reason</th><th class="num" scope="col">duplicates prevented</th><th class="num" scope="col">duplicates</th><th class="num" scope="col">latency p50</th><th class="num" scope="col">p95</th></tr></thead><tbody>
${batches.map((b) => html`<tr><td class="num">${b.batch}</td><td class="num">${timeLabel(b.enabledAtMs - origin)}</td><td class="num">${fmt(b.mailboxes)}</td><td class="num">${fmt(b.failedTestAndEnable)}</td><td class="num">${fmt(b.disabledAtEnd)}</td><td class="num">${fmt(b.trackedByRouter)}</td><td class="num">${fmt(b.trackedBySss)}</td><td class="num">${fmt(b.backlog)}</td><td class="num">${fmt(b.untracked)}</td><td>${Object.entries(b.untrackedByReason).map(([r, k]) => `${r} ${fmt(k)}`).join(', ')}</td><td class="num">${fmt(b.duplicatesPrevented)}</td><td class="num">${fmt(b.duplicates)}</td><td class="num">${latency(b.latencyP50Ms)}</td><td class="num">${latency(b.latencyP95Ms)}</td></tr>
`)}</tbody></table>`)}
<p class="muted">set to fail: drawn from the plan's failureRate, or the scenario's failing list; a Test &amp; Enable a fault failed counts under disabled at end. backlog: mail server-side sync pulled that had arrived before the batch was enabled. Latency: acceptance to activity.</p>
</details>`;
}
