// A cutover's Test & Enable batches as an HTML table, folded: the plan report's, and the run report's for a scenario
// with `sss.cutover` (the same figures as `mailflow plan` gives per batch, harness/plan/plan-metrics.ts).
import { html, type SafeHtml } from './html.js';
import { PRINT_STACKED_CLASS } from './print-stacked-table.js';
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
  // Each column's header, whether it holds a figure (right-aligned), its cell in a batch's row, and the cell's label
  // when printed as a block (print-stacked-table.ts), where "p95" has no "latency p50" beside it to explain it.
  const columns: ReadonlyArray<{ head: string; figure: boolean; cell: (b: BatchFigures) => string; label?: string }> = [
    { head: 'batch', figure: true, cell: (b) => String(b.batch) },
    { head: from === 'switch' ? 'tested after switch' : 'tested at', figure: true, cell: (b) => timeLabel(b.enabledAtMs - origin) },
    { head: 'mailboxes', figure: true, cell: (b) => fmt(b.mailboxes) },
    { head: 'set to fail', figure: true, cell: (b) => fmt(b.failedTestAndEnable) },
    { head: 'disabled at end', figure: true, cell: (b) => fmt(b.disabledAtEnd) },
    { head: 'by router', figure: true, cell: (b) => fmt(b.trackedByRouter) },
    { head: 'by sync', figure: true, cell: (b) => fmt(b.trackedBySss) },
    { head: 'backlog', figure: true, cell: (b) => fmt(b.backlog) },
    { head: 'untracked', figure: true, cell: (b) => fmt(b.untracked) },
    { head: 'untracked by reason', figure: false, cell: (b) => Object.entries(b.untrackedByReason).map(([r, k]) => `${r} ${fmt(k)}`).join(', ') },
    { head: 'duplicates prevented', figure: true, cell: (b) => fmt(b.duplicatesPrevented) },
    { head: 'duplicates', figure: true, cell: (b) => fmt(b.duplicates) },
    { head: 'latency p50', figure: true, cell: (b) => latency(b.latencyP50Ms) },
    { head: 'p95', figure: true, cell: (b) => latency(b.latencyP95Ms), label: 'latency p95' },
  ];
  const num = (figure: boolean) => (figure ? html` class="num"` : null);
  // Fourteen columns are twice as wide as A4 portrait: on paper each batch is a block of labelled cells.
  return html`<details class="batch-table"><summary>The batch figures as a table</summary>
${scrollBox(name, html`<table class="batches ${PRINT_STACKED_CLASS}"><thead><tr>${columns.map((c) => html`<th${num(c.figure)} scope="col">${c.head}</th>`)}</tr></thead><tbody>
${batches.map((b) => html`<tr>${columns.map((c) => html`<td${num(c.figure)} data-label="${c.label ?? c.head}">${c.cell(b)}</td>`)}</tr>
`)}</tbody></table>`)}
<p class="muted">set to fail: drawn from the plan's failureRate, or the scenario's failing list; a Test &amp; Enable a fault failed counts under disabled at end. backlog: mail server-side sync pulled that had arrived before the batch was enabled. Latency: acceptance to activity.</p>
</details>`;
}
