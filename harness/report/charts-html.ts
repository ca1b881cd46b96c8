// The report's two figures with captions that say what each series means, each with a sentence and a table that
// say it in words (chart-data-html.ts). A chart scrolls sideways in its own box on a narrow screen (report-style.ts).
import { bandsTable, binsTable, latencySummary, timelineSummary } from './chart-data-html.js';
import { html, type SafeHtml } from './html.js';
import { LATENCY_SUMMARY_ID, latencyChart } from './latency-chart.js';
import type { ReportData } from './report-data.js';
import { TIMELINE_SUMMARY_ID, timelineChart } from './timeline-chart.js';
import { readableDuration } from './time-ticks.js';
import { scrollBox } from './scroll-box.js';

export function timelineHtml(data: ReportData): SafeHtml {
  return html`<section id="timeline"><h2>Timeline</h2>
<p id="${TIMELINE_SUMMARY_ID}">${timelineSummary(data.timeline, data.bands, data.run.simulatedMs)}</p>
<figure>${scrollBox('Timeline chart', timelineChart({ points: data.timeline, bands: data.bands, endMs: data.run.simulatedMs, horizonMs: data.horizonMs }))}
<figcaption><b>accepted</b>: messages the organisation's transport acknowledged (250 after DATA), cumulative.
<b>tracked</b>: email activities created, cumulative (ends at the tracked count).
<b>backlog</b>: messages submitted and not yet settled: tracked if a copy was eligible for tracking, bounced, Sent or Failed for CRM email, else accepted; untracked mail stays in it to the end.
Shaded bands are faults from their start to their end (down to up, crash to restart, outage to its end); dashed lines are operations (a cutover's switch and batches, backups, resubmissions). A fault on some mailboxes only (a cutover's failing mailboxes, access denied to a few people) is a dotted line where it starts and where it ends, not a band: it is no outage of the whole system. Times are virtual, from ${data.start}.</figcaption>
</figure>
${bandsTable(data.bands)}</section>`;
}

export function latencyHtml(data: ReportData): SafeHtml {
  const h = data.latency;
  if (h === null) {
    return html`<section id="latency"><h2>Latency</h2><p class="muted">No accepted message was tracked as incoming: no latency to show.</p></section>`;
  }
  return html`<section id="latency"><h2>Latency</h2>
<p>From acceptance (250 after DATA) to the first incoming activity, as the <code>latency</code> check measures it, over <b>${h.samples.toLocaleString('en-US')}</b> messages: p50 <b data-latency="p50">${readableDuration(h.p50Ms)}</b>, p95 <b data-latency="p95">${readableDuration(h.p95Ms)}</b>, max <b data-latency="max">${readableDuration(h.maxMs)}</b>.</p>
${queuedHtml(data.queued)}
<p id="${LATENCY_SUMMARY_ID}">${latencySummary(h)}</p>
<figure>${scrollBox('Latency histogram', latencyChart(h))}
<figcaption>Each bar counts the messages whose latency falls in its range, from the edge on its left up to the one on its right. The ranges widen (seconds, then minutes, then hours) so that a tail of slow messages shows beside the bulk; bars are equally wide whatever their range. Where bars are narrow, only some edges are labelled: each bar's range is its tooltip and a row of the table under the chart. Percentiles are nearest-rank.</figcaption>
</figure>
${binsTable(h)}</section>`;
}

/** What waited at its senders before acceptance, which the latencies above do not count (an outage's mail, X1). */
function queuedHtml(queued: ReportData['queued']): SafeHtml | null {
  if (queued.messages === 0) return null;
  return html`<p id="queued-before-acceptance">Before that: <b data-queued="messages">${queued.messages.toLocaleString('en-US')}</b> ${queued.messages === 1 ? 'message' : 'messages'} waited in ${queued.messages === 1 ? 'its sender\'s queue' : 'their senders\' queues'} before acceptance (a server down or refusing, X1), the longest <b data-queued="longest">${readableDuration(queued.longestMs)}</b>; from submission to the first incoming activity, the longest took <b data-queued="end-to-end">${readableDuration(queued.submissionToActivityMaxMs)}</b>.</p>`;
}
