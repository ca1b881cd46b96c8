// The time scrubber: a range over the run's virtual time with, above it, the faults as bands (a server down until it
// is back up), every operation as a labelled marker a trainer can click to jump to, the lesson's captions as ticks to
// click, and a time scale. Positions are percentages of the track, so the marks line up with the range input's thumb;
// which row each operation's label takes is the player's to decide (script-scrubber.ts), from the widths it measures.
import { html, type SafeHtml } from '../../report/html.js';
import { readableDuration, timeLabel, timeTicksMs } from '../../report/time-ticks.js';
import type { DemoData } from '../demo-data.js';
import { outageSpans } from './outage-spans.js';

function pct(ms: number, endMs: number): string {
  return `${(Math.round((ms / Math.max(endMs, 1)) * 100_000) / 1000).toString()}%`;
}

export function operationName(verb: string, target: string | null): string {
  return target === null ? verb : `${verb} ${target}`;
}

/**
 * An operation's label on the scrubber, as a class says it (the trainer review: `setProcessEmailFrom sss` and
 * `testAndEnable sss` read as code, and took rows): the full name stays in the marker's title.
 */
const SAID: Readonly<Record<string, (target: string | null) => string>> = {
  switchToServerSideSync: () => 'switch to sync',
  testAndEnable: () => 'Test & Enable',
  setProcessEmailFrom: () => 'Process Email From',
  denyMailboxAccess: () => 'access denied',
  grantMailboxAccess: () => 'access granted',
  alert: () => 'sync alert',
  down: (target) => `${target ?? ''} down`,
  up: (target) => `${target ?? ''} up`,
  crash: (target) => `${target ?? ''} crashes`,
  restart: (target) => `${target ?? ''} restarts`,
  resetState: (target) => `${target ?? ''} state reset`,
  removeInboxRules: () => 'inbox rules removed',
  failover: (target) => `${target ?? ''} fails over`,
  restore: (target) => `${target ?? ''} restored`,
  backup: (target) => `${target ?? ''} backup`,
};

export function operationLabel(verb: string, target: string | null): string {
  const said = Object.hasOwn(SAID, verb) ? SAID[verb] : undefined;
  return said === undefined ? operationName(verb, target) : said(target).trim();
}

/** The lesson's captions grouped by instant: one tick per instant, however many captions it has (in file order). */
export function captionInstants(data: DemoData): Array<{ atMs: number; texts: string[] }> {
  const byTime = new Map<number, string[]>();
  for (const c of [...data.captions].sort((a, b) => a.atMs - b.atMs)) {
    const texts = byTime.get(c.atMs) ?? [];
    texts.push(c.text);
    byTime.set(c.atMs, texts);
  }
  return [...byTime].map(([atMs, texts]) => ({ atMs, texts }));
}

/** Steps a trainer thinks in, the largest first. */
const STEPS_MS = [3_600_000, 900_000, 300_000, 60_000, 30_000, 10_000, 5_000, 1_000, 100, 10, 1];

/**
 * The time slider's step (what an arrow key moves it by; it moved 1 ms): the largest of STEPS_MS that gives at least
 * `min` steps and divides the run's length, so that the slider still reaches the end exactly.
 */
export function sliderStepMs(endMs: number, min = 100): number {
  return STEPS_MS.find((s) => endMs % s === 0 && endMs / s >= min) ?? 1;
}

export function scrubberHtml(data: DemoData): SafeHtml {
  const { endMs } = data;
  const bands = outageSpans(data).map((s) =>
    html`<div class="band" data-band="${s.verb}" style="left:${pct(s.fromMs, endMs)};width:${pct(s.toMs - s.fromMs, endMs)}" title="${`${s.target} out of service`}"></div>`);
  // Every marker carries its label: a click on either jumps to the operation, even where another label covers the line.
  const ops = data.operations.map((op, i) =>
    html`<button type="button" class="op-mark" data-op="${i}" data-at="${op.atMs}" style="left:${pct(op.atMs, endMs)}" aria-label="${`${operationLabel(op.verb, op.target)} at ${readableDuration(op.atMs)}`}" title="${`${readableDuration(op.atMs)} ${operationName(op.verb, op.target)}: ${op.caption}`}"><span class="op-label">${operationLabel(op.verb, op.target)}</span></button>`);
  const captions = captionInstants(data).map((c) =>
    html`<button type="button" class="caption-mark" data-at="${c.atMs}" style="left:${pct(c.atMs, endMs)}" title="${`${readableDuration(c.atMs)}: ${c.texts.join(' / ')}`}" aria-label="${`Caption at ${readableDuration(c.atMs)}`}"></button>`);
  const ticks = timeTicksMs(endMs, 9).map((t) => html`<span class="tick" style="left:${pct(t, endMs)}">${timeLabel(t)}</span>`);
  return html`<section class="scrubber" aria-label="Time">
<div class="track">
<div class="marks">${bands}${ops}<div class="caption-row">${captions}</div></div>
<input type="range" id="scrubber" min="0" max="${endMs}" step="${sliderStepMs(endMs)}" value="0" aria-label="Virtual time">
<div class="ticks">${ticks}</div>
</div>
</section>`;
}
