// The searchable table of messages, each with its outcome, times and path (a sample, stated, on large runs).
import { html, type SafeHtml } from './html.js';
import { pathHtml, pathStepCount } from './path-html.js';
import type { MessageRow, ReportData } from './report-data.js';
import { readableDuration } from './time-ticks.js';

function outcomeClass(row: MessageRow): string {
  if (/^(lost|duplicate)/.test(row.outcome)) return 'outcome bad';
  if (/^(pending|untracked|bounced)/.test(row.outcome)) return 'outcome warn';
  return 'outcome';
}

const time = (ms: number | null) => (ms === null ? '' : readableDuration(ms));

export function messageTableHtml(data: ReportData): SafeHtml {
  const { rows, total, rule } = data.messages;
  const body = rows.map((row) => html`<tr data-message-id="${row.messageId}">
<td><code>${row.messageId}</code></td>
<td><span class="${outcomeClass(row)}">${row.outcome}</span>${row.offenderOf.length === 0 ? null : html`<span class="offender-of">named by ${row.offenderOf.join(', ')}</span>`}</td>
<td class="num">${time(row.acceptedAtMs)}</td><td class="num">${time(row.firstActivityAtMs)}</td><td class="num">${time(row.latencyMs)}</td>
<td><details><summary>${pathStepCount(row.path)} steps</summary>${pathHtml(row.path)}</details></td>
</tr>`);
  return html`<section id="messages"><h2>Messages</h2>
${rule === null ? null : html`<p class="note" id="sampling">${rule}</p>`}
<div class="search"><input id="message-search" type="search" placeholder="Search Message-ID, outcome, mailbox, path step …" aria-label="Search messages"><span class="muted" role="status">showing <b id="message-shown">${rows.length.toLocaleString('en-US')}</b> of ${rows.length.toLocaleString('en-US')} rows${rule === null ? '' : ` (${total.toLocaleString('en-US')} messages in the run)`}</span></div>
<table id="message-table"><colgroup><col class="id"><col class="outcome"><col class="time"><col class="time"><col class="time"><col></colgroup><thead><tr><th>Message-ID</th><th>outcome</th><th class="num">accepted</th><th class="num">first activity</th><th class="num">latency</th><th>path</th></tr></thead>
<tbody>${body}</tbody>
<tfoot id="message-none" hidden><tr><td colspan="6">No message matches <q id="message-none-query"></q>.</td></tr></tfoot></table>
</section>`;
}
