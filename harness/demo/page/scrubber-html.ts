// The time scrubber: a range over the run's virtual time with, above it, the faults as bands (a server down until it
// is back up), every operation as a marker a trainer can click to jump to, lesson captions as small ticks, and a
// time scale. Positions are percentages of the track, so the marks line up with the range input's thumb.
import { html, type SafeHtml } from '../../report/html.js';
import { timeLabel, timeTicksMs } from '../../report/time-ticks.js';
import type { DemoData } from '../demo-data.js';
import { outageSpans } from './outage-spans.js';

/** The track's likely width in pixels: only to decide which operation labels fit without overlapping. */
const TRACK_PX = 1200;
const LABEL_CHAR_PX = 7.5;
const LABEL_ROWS = 2;

function pct(ms: number, endMs: number): string {
  return `${(Math.round((ms / Math.max(endMs, 1)) * 100_000) / 1000).toString()}%`;
}

/** Which row each operation's label goes in, or null when both rows are taken there (its marker keeps a tooltip). */
function labelRows(data: DemoData): Array<number | null> {
  const rowEnds: number[] = new Array<number>(LABEL_ROWS).fill(-Infinity);
  const rows: Array<number | null> = data.operations.map(() => null);
  const order = data.operations.map((op, i) => ({ atMs: op.atMs, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i);
  for (const { i } of order) {
    const op = data.operations[i] as DemoData['operations'][number];
    const left = (op.atMs / Math.max(data.endMs, 1)) * TRACK_PX;
    const width = operationName(op.verb, op.target).length * LABEL_CHAR_PX + 8;
    const row = rowEnds.findIndex((end) => end <= left);
    if (row < 0) continue;
    rowEnds[row] = left + width;
    rows[i] = row;
  }
  return rows;
}

function operationName(verb: string, target: string | null): string {
  return target === null ? verb : `${verb} ${target}`;
}

export function scrubberHtml(data: DemoData): SafeHtml {
  const { endMs } = data;
  const bands = outageSpans(data).map((s) =>
    html`<div class="band" data-band="${s.verb}" style="left:${pct(s.fromMs, endMs)};width:${pct(s.toMs - s.fromMs, endMs)}" title="${`${s.target} out of service`}"></div>`);
  const rows = labelRows(data);
  const ops = data.operations.map((op, i) => {
    const row = rows[i];
    const label = row === null || row === undefined ? '' : html`<span class="op-label row-${row}">${operationName(op.verb, op.target)}</span>`;
    return html`<button type="button" class="op-mark" data-op="${i}" data-at="${op.atMs}" style="left:${pct(op.atMs, endMs)}" title="${`${operationName(op.verb, op.target)}: ${op.caption}`}">${label}</button>`;
  });
  const captions = data.captions.map((c) => html`<span class="caption-mark" style="left:${pct(c.atMs, endMs)}" title="${c.text}"></span>`);
  const ticks = timeTicksMs(endMs, 9).map((t) => html`<span class="tick" style="left:${pct(t, endMs)}">${timeLabel(t)}</span>`);
  return html`<section class="scrubber" aria-label="Time">
<div class="track">
<div class="marks">${bands}${captions}${ops}</div>
<input type="range" id="scrubber" min="0" max="${endMs}" step="1" value="0" aria-label="Virtual time">
<div class="ticks">${ticks}</div>
</div>
</section>`;
}
