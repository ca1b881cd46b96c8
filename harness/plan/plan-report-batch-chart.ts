// A plan's batch timeline as a chart: one stacked bar per Test & Enable batch (tracked by the router, tracked by
// server-side sync, untracked), labelled by batch number and when it was enabled after the switch.
import {
  CHART_WIDTH, COLOURS, FONT_PX, countAxis, countAxisMax, n, plotFittingCounts, textWidthAtMost, yOf, type Plot,
} from '../report/chart-kit.js';
import { html, type SafeHtml } from '../report/html.js';
import { timeLabel } from '../report/time-ticks.js';
import type { BatchFigures } from './plan-metrics.js';

/** Okabe-Ito vermillion: untracked mail, apart from the run report's blue and green (3.9:1 on white, for bars). */
export const UNTRACKED_COLOUR = '#D55E00';
/** The same hue darkened for the words drawn in it (counts, 'disabled'): 5.1:1, as text needs 4.5:1 (WCAG 1.4.3). */
const UNTRACKED_TEXT = '#B34F00';
/** Drawn at A4's printable width, as the run report's charts (chart-kit.ts): its 12-unit text prints at 12px. */
const WIDTH = CHART_WIDTH;
const PLOT: Omit<Plot, 'xMax' | 'yMax'> = { left: 64, top: 56, width: WIDTH - 64 - 36, height: 220 };
const MAX_BAR_PX = 56;

const SERIES = [
  { key: 'trackedByRouter', label: 'tracked by the router', short: 'tracked by the router', colour: COLOURS.accepted },
  { key: 'trackedBySss', label: 'tracked by server-side sync', short: 'tracked by server-side sync', colour: COLOURS.tracked },
  { key: 'untracked', label: 'untracked (count above the bar)', short: 'untracked', colour: UNTRACKED_COLOUR },
] as const;

const fmt = (value: number) => value.toLocaleString('en-US');

/** The id of the page's sentence saying the chart (plan-report-chart-words.ts), which the chart points to. */
export const batchSummaryId = (id: string): string => `${id}-summary`;

/**
 * `id` keeps the SVG's title unique when several plans share the page. All text is FONT_PX: 12px or more in the
 * run report's min-width scroll box and on A4 (report-style.ts, `a4-scale`).
 */
export function batchChart(batches: readonly BatchFigures[], id: string): SafeHtml {
  const total = (b: BatchFigures) => b.trackedByRouter + b.trackedBySss + b.untracked;
  const yMax = countAxisMax(Math.max(1, ...batches.map(total)), 5);
  const plot: Plot = { ...plotFittingCounts(PLOT, yMax, 5), xMax: batches.length, yMax };
  const bottom = plot.top + plot.height;
  const slot = plot.width / Math.max(1, batches.length);
  const barPx = Math.min(slot * 0.7, MAX_BAR_PX);
  const switchAt = batches[0]?.enabledAtMs ?? 0;
  const after = (b: BatchFigures) => (b.enabledAtMs === switchAt ? 'at switch' : `+${timeLabel(b.enabledAtMs - switchAt)}`);
  // Labels thinned to every k-th batch when slots are narrower than they are.
  const every = (widest: number) => Math.max(1, Math.ceil((widest + 8) / slot));
  const numberEvery = every(Math.max(...batches.map((b) => textWidthAtMost(String(b.batch)))));
  const timeEvery = every(Math.max(...batches.map((b) => textWidthAtMost(after(b)))));
  const labelled = (i: number, k: number) => i % k === 0;
  // Batches whose mailboxes sync had disabled at the end (a fault during the cutover, or a failed Test & Enable not
  // retried): a third row, so the cause of a tall untracked bar is on the chart, not only in the table.
  const anyDisabled = batches.some((b) => b.disabledAtEnd > 0);
  const disabledX = disabledLabelsAt(batches, (i) => plot.left + (i + 0.5) * slot);
  const extra = anyDisabled ? 15 : 0;
  // What the rows under the bars are; the disabled row's part on a line of its own, as one line is wider than A4.
  const captions = ['Test & Enable batch: its number, and under it when it was enabled after the switch', ...(anyDisabled ? ['(and how many of its mailboxes were disabled at the end)'] : [])];
  const bars = batches.map((b, i) => {
    const centre = plot.left + (i + 0.5) * slot;
    const x = n(centre - barPx / 2);
    let base = 0;
    const segments = SERIES.map((s) => {
      const value = b[s.key];
      const y0 = yOf(plot, base);
      base += value;
      const y1 = yOf(plot, base);
      return html`<rect data-series="${s.key}" x="${x}" y="${n(y1)}" width="${n(barPx)}" height="${n(y0 - y1)}" fill="${s.colour}"><title>batch ${b.batch} (${after(b)}, ${fmt(b.mailboxes)} mailboxes): ${s.short} ${fmt(value)}</title></rect>`;
    });
    const label = untrackedLabel(b.untracked, slot);
    const untracked = label === null ? null
      : html`<text x="${n(centre)}" y="${n(yOf(plot, total(b)) - 4)}" text-anchor="middle" font-size="${FONT_PX}" font-weight="600" fill="${UNTRACKED_TEXT}">${label}</text>`;
    const at = disabledX.get(i);
    const disabled = at !== undefined
      ? html`<text class="disabled" x="${n(at)}" y="${n(bottom + 46)}" text-anchor="middle" font-size="${FONT_PX}" fill="${UNTRACKED_TEXT}">${disabledText(b)}</text>` : null;
    const labels = html`${labelled(i, numberEvery) ? html`<text x="${n(centre)}" y="${n(bottom + 16)}" text-anchor="middle">${b.batch}</text>` : null}${labelled(i, timeEvery) ? html`<text x="${n(centre)}" y="${n(bottom + 31)}" text-anchor="middle">${after(b)}</text>` : null}${disabled}`;
    return html`<g class="batch" data-batch="${b.batch}">${segments}${untracked}<g font-size="${FONT_PX}" fill="${COLOURS.axis}">${labels}</g></g>`;
  });
  return html`<svg class="chart a4-scale batches" viewBox="0 0 ${WIDTH} ${n(bottom + 58 + extra + (captions.length - 1) * 15)}" role="img" aria-labelledby="${id}-title" aria-describedby="${batchSummaryId(id)}" font-family="system-ui, sans-serif">
<title id="${id}-title">Messages per Test &amp; Enable batch: tracked by the router, by server-side sync, and untracked</title>
${legend()}
${countAxis(plot, 5)}
<text x="${n(plot.left)}" y="${n(plot.top - 10)}" text-anchor="middle" font-size="${FONT_PX}" fill="${COLOURS.axis}">messages</text>
<line x1="${n(plot.left)}" x2="${n(plot.left + plot.width)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="${COLOURS.axis}"/>
${bars}
${captions.map((caption, k) => html`<text x="${n(plot.left + plot.width)}" y="${n(bottom + 50 + extra + k * 15)}" text-anchor="end" font-size="${FONT_PX}" fill="${COLOURS.axis}">${caption}</text>`)}
</svg>`;
}

const disabledText = (b: BatchFigures) => `${fmt(b.disabledAtEnd)} disabled`;

/**
 * Which batches get the 'disabled' label, and where (by index): every one with disabled mailboxes whose label clears
 * the one before it (thinning by position, as the other rows do, would hide the only disabled batch when it is not a
 * k-th one). A label wider than the margin beside the last bars moves in from the drawing's edge rather than run past.
 */
function disabledLabelsAt(batches: readonly BatchFigures[], centreOf: (i: number) => number): Map<number, number> {
  const at = new Map<number, number>();
  let clearFrom = -Infinity;
  batches.forEach((b, i) => {
    if (b.disabledAtEnd === 0) return;
    const half = textWidthAtMost(disabledText(b)) / 2;
    const x = Math.max(half, Math.min(centreOf(i), WIDTH - half));
    if (x - half < clearFrom) return;
    at.set(i, x);
    clearFrom = x + half + 6;
  });
  return at;
}

/** The untracked count over a bar: in full, or compact (1.2k) where the full number is wider than the bar's slot. */
function untrackedLabel(untracked: number, slot: number): string | null {
  if (untracked === 0) return null;
  const fits = (text: string) => textWidthAtMost(text, { bold: true }) + 4 <= slot;
  const full = fmt(untracked);
  if (fits(full)) return full;
  const compact = untracked >= 1_000_000 ? `${n(untracked / 1_000_000)}M` : untracked >= 1_000 ? `${n(untracked / 1_000)}k` : full;
  return fits(compact) ? compact : null;
}

function legend(): SafeHtml {
  let x = PLOT.left;
  const parts = SERIES.map((s) => {
    const at = x;
    x += 28 + textWidthAtMost(s.label) + 26;
    return html`<g transform="translate(${n(at)},18)"><rect x="0" y="-10" width="22" height="12" fill="${s.colour}"/><text x="28" y="0" font-size="${FONT_PX}" fill="${COLOURS.text}">${s.label}</text></g>`;
  });
  return html`<g class="legend">${parts}</g>`;
}
