// One lane's section: its title and the verdict of its run across the lane (the whole title: beside the counters it
// was cut to a few words on a projector), then the counters the player keeps as of the current time (each with a
// stable hook for tests: data-lane and data-counter) over the drawing whose dots they count and, beside them, the
// lane's caption and a short list of the messages that moved last (a click there opens the inspector, like a click
// on a dot). The run's totals ride along in data-summary (those the counters do not show) and data-run-summary
// (all): the player says them at the end only, not as a spoiler from the start. A visually hidden status line under
// the drawing tells a screen reader what the drawing shows (what is down, what is disabled, how many messages are
// where); it is not a live region: it changes with every step, and the lesson's captions are what gets announced
// (narration). What the readers' marks mean (read-marks.ts) is the page legend's to say: the head has no room left.
import { html, type SafeHtml } from '../../report/html.js';
import { COUNTER_NAMES, type CounterName, type DemoLane } from '../demo-data.js';
import type { DrawingForm, LaneLayout } from './lane-layout.js';
import { laneSvg } from './lane-svg.js';

export const COUNTER_LABELS: Readonly<Record<CounterName, string>> = {
  tracked: 'tracked',
  tossed: 'tossed',
  duplicatesPrevented: 'duplicates prevented',
  untracked: 'untracked',
  lost: 'lost',
};

/** The run's counts as one line (numbers only: nested details belong to `mailflow run`'s own report). */
export function runSummaryText(lane: DemoLane): string {
  return Object.entries(lane.run.counts)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([name, value]) => `${name} ${value.toLocaleString('en-US')}`)
    .join(' · ');
}

/** What the run's counts add to the counters (sent, accepted, delivered, ...): the lane says them at the end, where
 * the counters have reached the same totals. */
export function endTotalsText(lane: DemoLane): string {
  const shown = new Set<string>(COUNTER_NAMES);
  return Object.entries(lane.run.counts)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && !shown.has(e[0]))
    .map(([name, value]) => `${name} ${value.toLocaleString('en-US')}`)
    .join(' · ');
}

function verdictClass(verdict: string): string {
  return verdict === 'pass' || verdict === 'fail' ? verdict : 'unknown';
}

function countersHtml(lane: DemoLane): SafeHtml {
  const items = COUNTER_NAMES.map((name) => html`<div class="counter c-${name}"><span class="value" data-lane="${lane.id}" data-counter="${name}">0</span><span class="name">${COUNTER_LABELS[name]}</span></div>`);
  return html`<div class="counters" role="group" aria-label="Counters as of the current time">${items}</div>`;
}

export function laneHtml(lane: DemoLane, layouts: Readonly<Record<DrawingForm, LaneLayout>>): SafeHtml {
  const empty = lane.messages.length === 0 ? html`<p class="empty">No messages in this lane.</p>` : '';
  return html`<section class="lane" data-lane="${lane.id}" data-summary="${endTotalsText(lane)}" data-run-summary="${runSummaryText(lane)}">
<div class="lane-head">
<div class="lane-title"><h2>${lane.title}</h2>
<span class="verdict ${verdictClass(lane.run.verdict)}" data-lane="${lane.id}" data-verdict="${lane.run.verdict}" title="${`the run of ${lane.run.scenario}`}">${lane.run.verdict.toUpperCase()}</span></div>
</div>
<div class="lane-body">
<div class="drawing">${countersHtml(lane)}${laneSvg(lane, layouts)}${empty}<p class="visually-hidden lane-status" id="status-${lane.id}" data-lane="${lane.id}"></p></div>
<div class="lane-side">
<div class="caption lane-caption"><p class="main"></p><p class="sub"></p></div>
<div class="recent"><h3>Latest messages</h3><ol class="recent-list" data-lane="${lane.id}"></ol></div>
</div>
</div>
</section>`;
}
